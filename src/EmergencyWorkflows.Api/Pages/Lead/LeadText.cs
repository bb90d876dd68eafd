namespace EmergencyWorkflows.Api.Pages.Lead;

/// <summary>The texts of the team lead's pages: LeadText.resx (English) and LeadText.zh-CN.resx.</summary>
public sealed class LeadText;
