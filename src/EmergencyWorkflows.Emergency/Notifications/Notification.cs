namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// One message to one recipient on one channel for one escalation round. <see cref="DedupKey"/> is the
/// (incident, tier, repetition, recipient, channel) 5-tuple: store it under a unique index and a job that runs
/// twice delivers at most once.
/// </summary>
public sealed record Notification
{
    public Notification(string incidentId, int tier, int repetition, string recipientId, NotificationChannel channel, string subject, string text, Uri ackUrl)
    {
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
    }

    public string IncidentId { get; }

    /// <summary>1-based escalation tier; 0 for the first alert sent when the incident is reported.</summary>
    public int Tier { get; }

    public int Repetition { get; }

    public string RecipientId { get; }

    public NotificationChannel Channel { get; }

    public string Subject { get; }

    public string Text { get; }

    public Uri AckUrl { get; }

    /// <summary>Each part is percent-encoded, so an id containing the separator cannot collide with another tuple.</summary>
    public string DedupKey =>
        string.Join(
            '/',
            Uri.EscapeDataString(IncidentId),
            Tier.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Repetition.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Uri.EscapeDataString(RecipientId),
            Channel.ToString());
}
