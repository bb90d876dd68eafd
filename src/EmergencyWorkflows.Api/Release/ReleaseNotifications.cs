using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Persistence.Outbox;

namespace EmergencyWorkflows.Api.Release;

/// <summary>
/// Announcements and reminders reach people through the same <c>Emergency.Notify</c> outbox the workflows use: the
/// message is written in the same transaction as the change that caused it, and the outbox message id is derived from
/// the notification's dedup key. Each has its own topic (<see cref="NotificationTopics"/>), so its keys never collide
/// with an escalation round's.
/// </summary>
internal static class ReleaseNotifications
{
    public static OutboxRecord ToOutbox(Notification notification, DateTimeOffset now) => new()
    {
        Id = NotificationOutbox.MessageId(notification),
        InstanceId = notification.IncidentId,
        Kind = NotificationOutbox.Kind,
        PayloadJson = NotificationOutbox.ToPayload(notification, notification.IncidentId).ToJsonString(),
        CreatedAt = now,
    };
}
