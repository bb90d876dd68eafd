namespace EmergencyWorkflows.Api.Pages.Team;

/// <summary>The texts of the team pages (roster, rotations, escalation policies): TeamText.resx (English) and TeamText.zh-CN.resx.</summary>
public sealed class TeamText;
