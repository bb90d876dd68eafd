namespace EmergencyWorkflows.Api.Pages;

/// <summary>The texts every page shares (layout, categories, grades, statuses, channels, SLA): CommonText.resx (English) and CommonText.zh-CN.resx.</summary>
public sealed class CommonText;
