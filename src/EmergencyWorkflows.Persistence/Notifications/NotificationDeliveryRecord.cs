namespace EmergencyWorkflows.Persistence.Notifications;

/// <summary>
/// The delivery ledger: one row per notification (the dedup key, i.e. one per (incident, topic, tier, repetition,
/// recipient, channel), unique), holding what to send and the state of its delivery. <see cref="Attempts"/> and
/// <see cref="Status"/> are concurrency tokens: a claim or a completion only lands if nobody moved the row meanwhile.
/// </summary>
public sealed class NotificationDeliveryRecord
{
    /// <summary>Not yet attempted (registered from the outbox, no claim made).</summary>
    public const string Queued = "Queued";

    public required string DedupKey { get; set; }
    public required string IncidentId { get; set; }
    public required string InstanceId { get; set; }

    /// <summary>What the notification is about (<see cref="EmergencyWorkflows.Emergency.Notifications.NotificationTopics"/>).</summary>
    public string Topic { get; set; } = EmergencyWorkflows.Emergency.Notifications.NotificationTopics.Escalation;

    public int Tier { get; set; }
    public int Repetition { get; set; }
    public required string RecipientId { get; set; }
    public required string Channel { get; set; }
    public string Subject { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public required string AckUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><see cref="Queued"/> or a <see cref="EmergencyWorkflows.Emergency.Notifications.Delivery.DeliveryStatus"/> name.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public List<DeliveryAttemptRecord> AttemptLog { get; set; } = [];
}

/// <summary>One delivery attempt: when it started and finished, its outcome, the status code and error (personal data masked).</summary>
public sealed class DeliveryAttemptRecord
{
    public required string DedupKey { get; set; }
    public int Attempt { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>InFlight until it finishes, then Delivered, RetryScheduled or Failed.</summary>
    public required string Outcome { get; set; }

    public int? StatusCode { get; set; }
    public string? Error { get; set; }
}
