using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Notifications.Delivery;

/// <summary>Delivers a notification on one channel. Returns failures; throws only on caller cancellation.</summary>
public interface INotificationTransport
{
    NotificationChannel Channel { get; }

    Task<DeliveryResult> DeliverAsync(Notification notification, TeamMember recipient, CancellationToken cancellationToken);
}
