using System.Text.Json.Serialization;

namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>A tier inside a <see cref="PolicySnapshot"/>.</summary>
public sealed record SnapshotTier
{
    [JsonConstructor]
    public SnapshotTier(TimeSpan delay, IReadOnlyList<EscalationTarget> targets, int repeatCount, TimeSpan repeatInterval)
    {
        ArgumentNullException.ThrowIfNull(targets);
        Delay = delay;
        Targets = targets.ToArray();
        RepeatCount = repeatCount;
        RepeatInterval = repeatInterval;
    }

    public TimeSpan Delay { get; }

    public IReadOnlyList<EscalationTarget> Targets { get; }

    public int RepeatCount { get; }

    public TimeSpan RepeatInterval { get; }
}
