namespace EmergencyWorkflows.Persistence.Timers;

/// <summary>
/// "Timers are rows": one row per timer bookmark, written in the same transaction as the instance. The truth
/// about what is due lives here; a scheduler only wakes it.
/// </summary>
public sealed class TimerRecord
{
    /// <summary>The bookmark id.</summary>
    public required string Id { get; set; }

    public required string InstanceId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public TimerState State { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
