using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// WeCom (企业微信) group robot: <c>{"msgtype":"text","text":{"content":…,"mentioned_list":[userid…],
/// "mentioned_mobile_list":[mobile…]}}</c> or <c>{"msgtype":"markdown","markdown":{"content":…}}</c>.
/// Markdown messages cannot @-mention by list, so mentions go into the content as <c>&lt;@userid&gt;</c>.
/// </summary>
public sealed class WeComWebhookFormatter(WebhookMessageStyle style = WebhookMessageStyle.Text, string ackLabel = "Acknowledge") : IWebhookFormatter
{
    public NotificationChannel Channel => NotificationChannel.WeCom;

    public string Format(Notification notification, WebhookMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(mentions);
        if (style == WebhookMessageStyle.Rich)
        {
            var content = WebhookJson.Markdown(notification, ackLabel)
                + string.Concat(mentions.UserIds.Select(id => $"\n<@{id}>"));
            return WebhookJson.Serialize(new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["content"] = content },
            });
        }

        var text = new JsonObject { ["content"] = WebhookJson.PlainText(notification, ackLabel) };
        if (mentions.UserIds.Count > 0)
        {
            text["mentioned_list"] = WebhookJson.Strings(mentions.UserIds);
        }

        if (mentions.Mobiles.Count > 0)
        {
            text["mentioned_mobile_list"] = WebhookJson.Strings(mentions.Mobiles);
        }

        return WebhookJson.Serialize(new JsonObject { ["msgtype"] = "text", ["text"] = text });
    }
}
