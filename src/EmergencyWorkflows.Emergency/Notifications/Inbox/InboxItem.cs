namespace EmergencyWorkflows.Emergency.Notifications.Inbox;

/// <summary>A notification shown in a member's in-app inbox. <see cref="Id"/> is the notification's dedup key,
/// so adding the same notification twice keeps one item.</summary>
public sealed record InboxItem(
    string Id,
    string RecipientId,
    string IncidentId,
    string Subject,
    string Text,
    Uri AckUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt = null)
{
    public static InboxItem From(Notification notification, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new InboxItem(notification.DedupKey, notification.RecipientId, notification.IncidentId,
            notification.Subject, notification.Text, notification.AckUrl, createdAt);
    }
}
