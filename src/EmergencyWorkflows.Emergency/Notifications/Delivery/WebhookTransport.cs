using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Notifications.Delivery;

/// <summary>Posts to one configured webhook (a group robot or a generic receiver), @-mentioning the recipient
/// through their account on that platform and their phone.</summary>
public sealed class WebhookTransport(IWebhookFormatter formatter, Uri endpoint, HttpWebhookSender sender) : INotificationTransport
{
    public NotificationChannel Channel => formatter.Channel;

    public Task<DeliveryResult> DeliverAsync(Notification notification, TeamMember recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(recipient);
        var mentions = Platform(formatter.Channel) is { } platform ? WebhookMentions.For(recipient, platform) : WebhookMentions.None;
        return sender.SendAsync(endpoint, formatter.Format(notification, mentions), formatter.Channel, cancellationToken);
    }

    private static ImPlatform? Platform(NotificationChannel channel) => channel switch
    {
        NotificationChannel.WeCom => ImPlatform.WeCom,
        NotificationChannel.DingTalk => ImPlatform.DingTalk,
        NotificationChannel.Feishu => ImPlatform.Feishu,
        NotificationChannel.Slack => ImPlatform.Slack,
        _ => null,
    };
}
