namespace EmergencyWorkflows.Api.Pages.Respond;

/// <summary>The texts of the responder's pages (my tasks, a task, the incident page): RespondText.resx (English) and RespondText.zh-CN.resx.</summary>
public sealed class RespondText;
