using EmergencyWorkflows.Emergency.Incidents;

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

    /// <summary>The line's <see cref="TimelineMessage"/> key and its arguments (a JSON object of strings), so a page writes
    /// it in the reader's language; null on lines written before keys existed (their <see cref="Summary"/> is shown).</summary>
    public string? MessageKey { get; set; }

    public string? MessageArgs { get; set; }

    /// <summary>A new line saying <paramref name="message"/>: its English sentence as the summary, its key and arguments.</summary>
    public static IncidentTimelineRecord Of(string incidentId, DateTimeOffset at, string actor, TimelineKind kind, TimelineMessage message, string? detail) =>
        new()
        {
            IncidentId = incidentId,
            At = at,
            Actor = actor,
            Kind = kind.ToString(),
            Summary = message.English,
            MessageKey = message.Key,
            MessageArgs = message.ArgsJson(),
            Detail = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim(),
        };
}
