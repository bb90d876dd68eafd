using EmergencyWorkflows.Emergency.Notifications.Inbox;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Notifications.Delivery;

/// <summary>Delivers into the in-app inbox. Adding is idempotent by dedup key, so a repeated delivery is harmless.</summary>
public sealed class InAppTransport(IInbox inbox, TimeProvider time) : INotificationTransport
{
    public NotificationChannel Channel => NotificationChannel.InApp;

    public async Task<DeliveryResult> DeliverAsync(Notification notification, TeamMember recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await inbox.AddAsync(InboxItem.From(notification, time.GetUtcNow()), cancellationToken);
        return DeliveryResult.Delivered(null);
    }
}
