namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// One message to one recipient on one channel about one topic (an escalation round, a task's overdue notice, an
/// announcement, a reminder). <see cref="DedupKey"/> is the (incident, topic, tier, repetition, recipient, channel)
/// tuple: store it under a unique index and a job that runs twice delivers at most once.
/// </summary>
public sealed record Notification
{
    public Notification(string incidentId, int tier, int repetition, string recipientId, NotificationChannel channel, string subject, string text, Uri ackUrl,
        string topic = NotificationTopics.Escalation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientId);
        ArgumentNullException.ThrowIfNull(ackUrl);
        ArgumentOutOfRangeException.ThrowIfNegative(tier);
        ArgumentOutOfRangeException.ThrowIfNegative(repetition);
        IncidentId = incidentId;
        Tier = tier;
        Repetition = repetition;
        RecipientId = recipientId;
        Channel = channel;
        Subject = subject ?? string.Empty;
        Text = text ?? string.Empty;
        AckUrl = ackUrl;
        Topic = topic;
    }

    /// <summary>What the message is about (<see cref="NotificationTopics"/>); part of the dedup key.</summary>
    public string Topic { get; }

    public string IncidentId { get; }

    /// <summary>1-based escalation tier; 0 for the first alert sent when the incident is reported.</summary>
    public int Tier { get; }

    public int Repetition { get; }

    public string RecipientId { get; }

    public NotificationChannel Channel { get; }

    public string Subject { get; }

    public string Text { get; }

    public Uri AckUrl { get; }

    /// <summary>Each part is percent-encoded, so an id containing the separator cannot collide with another tuple. The
    /// escalation topic keeps the five-part key it had before topics existed (incident/tier/repetition/recipient/channel),
    /// so rows, inbox items and outbox messages written before the upgrade still match; every other topic adds itself
    /// as the second part.</summary>
    public string DedupKey => Topic == NotificationTopics.Escalation
        ? string.Join('/', Uri.EscapeDataString(IncidentId), Number(Tier), Number(Repetition), Uri.EscapeDataString(RecipientId), Channel.ToString())
        : string.Join('/', Uri.EscapeDataString(IncidentId), Uri.EscapeDataString(Topic), Number(Tier), Number(Repetition),
            Uri.EscapeDataString(RecipientId), Channel.ToString());

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
