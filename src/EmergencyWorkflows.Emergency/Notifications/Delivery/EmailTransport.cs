using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Notifications.Delivery;

public sealed class EmailTransport(SmtpEmailSender sender, string ackLabel = "Acknowledge") : INotificationTransport
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public Task<DeliveryResult> DeliverAsync(Notification notification, TeamMember recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(recipient);
        if (recipient.Contacts.Email is not { } address)
        {
            return Task.FromResult(DeliveryResult.Failed(null, $"Member '{recipient.Id}' has no email address.", transient: false));
        }

        return sender.SendAsync(EmailMessage.ForNotification(notification, address, recipient.DisplayName, ackLabel), cancellationToken);
    }
}
