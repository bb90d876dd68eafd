namespace EmergencyWorkflows.Api.Pages;

/// <summary>The timeline's sentences (key <c>Line.</c> + a TimelineMessages key, named arguments in braces) and the
/// words their arguments need: TimelineLines.resx (English) and TimelineLines.zh-CN.resx.</summary>
public sealed class TimelineLines;
