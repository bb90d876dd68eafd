using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Persistence.Outbox;

namespace EmergencyWorkflows.Api.Release;

/// <summary>
/// Announcements and reminders reach people through the same <c>Emergency.Notify</c> outbox the workflows use: the
/// message is written in the same transaction as the change that caused it, and the outbox message id is derived from
/// the notification's dedup key. Their tiers sit far above any escalation tier so the keys never collide with one.
/// </summary>
internal static class ReleaseNotifications
{
    public const int AnnouncementTier = 10_000;

    /// <summary>Reminders use tier ReminderTierBase + the action's ordinal and the UTC day number as repetition.</summary>
    public const int ReminderTierBase = 20_000;

    public static OutboxRecord ToOutbox(Notification notification, DateTimeOffset now) => new()
    {
        Id = NotificationOutbox.MessageId(notification),
        InstanceId = notification.IncidentId,
        Kind = NotificationOutbox.Kind,
        PayloadJson = NotificationOutbox.ToPayload(notification, notification.IncidentId).ToJsonString(),
        CreatedAt = now,
    };
}
