namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>
/// One tier of an escalation policy. <see cref="Delay"/> runs from the previous tier's last repetition
/// (tier 1: from the SLA deadline). The tier is sent 1 + <see cref="RepeatCount"/> times,
/// <see cref="RepeatInterval"/> apart.
/// </summary>
public sealed record EscalationTier
{
    public EscalationTier(TimeSpan delay, IEnumerable<EscalationTarget> targets, int repeatCount = 0, TimeSpan? repeatInterval = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        Delay = delay;
        Targets = targets.ToArray();
        RepeatCount = repeatCount;
        RepeatInterval = repeatInterval ?? TimeSpan.Zero;
    }

    public TimeSpan Delay { get; }

    public IReadOnlyList<EscalationTarget> Targets { get; }

    public int RepeatCount { get; }

    public TimeSpan RepeatInterval { get; }
}
