namespace EmergencyWorkflows.Emergency.Sla;

/// <summary>Configuration shape of the response targets (bound from e.g. <c>Emergency:Sla</c>):
/// a default and rules keyed by grade, category, or both.</summary>
public sealed record SlaTargetsOptions
{
    /// <summary>The plan's "arrive on site or start a remote response within 5 minutes".</summary>
    public static readonly TimeSpan PlanDefault = TimeSpan.FromMinutes(5);

    public TimeSpan DefaultResponse { get; init; } = PlanDefault;

    public IReadOnlyList<SlaTargetRule> Rules { get; init; } = [];
}
