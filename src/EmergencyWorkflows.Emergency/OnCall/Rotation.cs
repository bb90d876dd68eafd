namespace EmergencyWorkflows.Emergency.OnCall;

/// <summary>An on-call rotation: members take turns of <see cref="Period"/> each, the first turn starting at
/// <see cref="HandoffAnchor"/> (a UTC instant; turns before the anchor run backwards through the same order).</summary>
public sealed record Rotation
{
    public Rotation(
        string id,
        string name,
        IEnumerable<string> memberIds,
        DateTimeOffset handoffAnchor,
        TimeSpan period,
        IEnumerable<OnCallOverride>? overrides = null,
        IEnumerable<OnCallLeave>? leaves = null,
        IEnumerable<string>? inactiveMemberIds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(memberIds);
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A rotation period must be positive.");
        }

        Id = id;
        Name = name ?? id;
        MemberIds = memberIds.ToArray();
        HandoffAnchor = handoffAnchor;
        Period = period;
        Overrides = overrides?.ToArray() ?? [];
        Leaves = leaves?.ToArray() ?? [];
        InactiveMemberIds = new HashSet<string>(inactiveMemberIds ?? [], StringComparer.Ordinal);
    }

    public string Id { get; }

    public string Name { get; }

    public IReadOnlyList<string> MemberIds { get; }

    public DateTimeOffset HandoffAnchor { get; }

    public TimeSpan Period { get; }

    public IReadOnlyList<OnCallOverride> Overrides { get; }

    public IReadOnlyList<OnCallLeave> Leaves { get; }

    /// <summary>Deactivated members: never on call, in turn or by a swap; the next member covers their turn.</summary>
    public IReadOnlySet<string> InactiveMemberIds { get; }

    public Rotation WithOverride(OnCallOverride swap) =>
        new(Id, Name, MemberIds, HandoffAnchor, Period, [.. Overrides, swap], Leaves, InactiveMemberIds);

    public Rotation WithLeave(OnCallLeave leave) =>
        new(Id, Name, MemberIds, HandoffAnchor, Period, Overrides, [.. Leaves, leave], InactiveMemberIds);

    /// <summary>The same rotation knowing which members are deactivated.</summary>
    public Rotation WithInactive(IEnumerable<string> inactiveMemberIds) =>
        new(Id, Name, MemberIds, HandoffAnchor, Period, Overrides, Leaves, inactiveMemberIds);
}
