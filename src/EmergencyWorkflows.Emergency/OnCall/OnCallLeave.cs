namespace EmergencyWorkflows.Emergency.OnCall;

/// <summary>A member is unavailable in [From, Until): the next available member in rotation order covers.</summary>
public sealed record OnCallLeave(string MemberId, DateTimeOffset From, DateTimeOffset Until)
{
    public bool Covers(DateTimeOffset at) => From <= at && at < Until;
}
