using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// DingTalk (钉钉) custom robot: <c>{"msgtype":"text","text":{"content":…},"at":{"atMobiles":[…],"atUserIds":[…],"isAtAll":false}}</c>
/// or <c>{"msgtype":"markdown","markdown":{"title":…,"text":…},"at":{…}}</c>. DingTalk only highlights a mention when
/// the content also contains "@mobile", so each mentioned mobile is appended to the content.
/// </summary>
public sealed class DingTalkWebhookFormatter(WebhookMessageStyle style = WebhookMessageStyle.Text, string ackLabel = "Acknowledge") : IWebhookFormatter
{
    public NotificationChannel Channel => NotificationChannel.DingTalk;

    public string Format(Notification notification, WebhookMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(mentions);
        var atSuffix = mentions.Mobiles.Count == 0 ? string.Empty : "\n" + string.Join(' ', mentions.Mobiles.Select(m => "@" + m));
        var at = new JsonObject
        {
            ["atMobiles"] = WebhookJson.Strings(mentions.Mobiles),
            ["atUserIds"] = WebhookJson.Strings(mentions.UserIds),
            ["isAtAll"] = false,
        };

        if (style == WebhookMessageStyle.Rich)
        {
            return WebhookJson.Serialize(new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject
                {
                    ["title"] = notification.Subject,
                    ["text"] = WebhookJson.Markdown(notification, ackLabel) + atSuffix,
                },
                ["at"] = at,
            });
        }

        return WebhookJson.Serialize(new JsonObject
        {
            ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = WebhookJson.PlainText(notification, ackLabel) + atSuffix },
            ["at"] = at,
        });
    }
}
