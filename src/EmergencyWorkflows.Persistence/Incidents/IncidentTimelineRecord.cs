namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>One line of an incident's timeline: who did what, when (append-only).</summary>
public sealed class IncidentTimelineRecord
{
    public long Id { get; set; }
    public required string IncidentId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Kind { get; set; }
    public required string Summary { get; set; }
    public string? Detail { get; set; }

    /// <summary>What wrote the entry when it may be written twice (an outbox message id, a delivery's dedup key);
    /// unique, so the second write is refused. Null for entries written in the transaction of their change.</summary>
    public string? SourceId { get; set; }
}
