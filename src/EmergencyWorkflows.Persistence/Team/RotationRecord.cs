namespace EmergencyWorkflows.Persistence.Team;

/// <summary>An on-call rotation: members in turn order, each turn <see cref="Period"/> long from <see cref="HandoffAnchor"/>.</summary>
public sealed class RotationRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset HandoffAnchor { get; set; }
    public TimeSpan Period { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<RotationMemberRecord> Members { get; set; } = [];
    public List<RotationOverrideRecord> Overrides { get; set; } = [];
    public List<RotationLeaveRecord> Leaves { get; set; } = [];
}

public sealed class RotationMemberRecord
{
    public required string RotationId { get; set; }
    public int Position { get; set; }
    public required string MemberId { get; set; }
}

/// <summary>A swap: the member is on call instead of the scheduled one in [From, Until).</summary>
public sealed class RotationOverrideRecord
{
    public required string Id { get; set; }
    public required string RotationId { get; set; }
    public required string MemberId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The member is unavailable in [From, Until); the next member in turn order covers.</summary>
public sealed class RotationLeaveRecord
{
    public required string Id { get; set; }
    public required string RotationId { get; set; }
    public required string MemberId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
