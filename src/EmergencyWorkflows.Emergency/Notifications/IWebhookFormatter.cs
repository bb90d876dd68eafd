namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>Builds the exact JSON body a platform's incoming webhook expects.</summary>
public interface IWebhookFormatter
{
    NotificationChannel Channel { get; }

    string Format(Notification notification, WebhookMentions mentions);
}
