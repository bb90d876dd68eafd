using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>Our own JSON shape for receivers we do not know: every field of the notification plus its dedup key,
/// so a receiver can drop duplicates itself.</summary>
public sealed class GenericWebhookFormatter : IWebhookFormatter
{
    public NotificationChannel Channel => NotificationChannel.GenericWebhook;

    public string Format(Notification notification, WebhookMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(mentions);
        return WebhookJson.Serialize(new JsonObject
        {
            ["incidentId"] = notification.IncidentId,
            ["tier"] = notification.Tier,
            ["repetition"] = notification.Repetition,
            ["recipientId"] = notification.RecipientId,
            ["channel"] = notification.Channel.ToString(),
            ["subject"] = notification.Subject,
            ["text"] = notification.Text,
            ["ackUrl"] = notification.AckUrl.AbsoluteUri,
            ["dedupKey"] = notification.DedupKey,
        });
    }
}
