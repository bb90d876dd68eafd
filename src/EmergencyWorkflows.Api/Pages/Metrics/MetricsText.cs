namespace EmergencyWorkflows.Api.Pages.Metrics;

/// <summary>The texts of the metrics page and its charts: MetricsText.resx (English) and MetricsText.zh-CN.resx.</summary>
public sealed class MetricsText;
