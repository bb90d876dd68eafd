namespace EmergencyWorkflows.Emergency.OnCall;

/// <summary>A swap: <paramref name="MemberId"/> is on call instead of the scheduled member in [From, Until).
/// When overrides overlap, the one created last wins.</summary>
public sealed record OnCallOverride(string MemberId, DateTimeOffset From, DateTimeOffset Until, DateTimeOffset CreatedAt)
{
    public bool Covers(DateTimeOffset at) => From <= at && at < Until;
}
