namespace EmergencyWorkflows.Api.Pages.Employee;

/// <summary>The employee pages' texts (report, my reports, announcements, feedback, suggestions): EmployeeText.resx (English) and EmployeeText.zh-CN.resx.</summary>
public sealed class EmployeeText;
