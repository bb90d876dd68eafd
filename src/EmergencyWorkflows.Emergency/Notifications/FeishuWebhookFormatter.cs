using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// Feishu (飞书) custom bot: <c>{"msg_type":"text","content":{"text":…}}</c> or a rich-text post
/// <c>{"msg_type":"post","content":{"post":{"zh_cn":{"title":…,"content":[[{"tag":"text",…}],[{"tag":"a",…}]]}}}}</c>.
/// Mentions use Feishu's <c>at</c> element with the member's open id (user ids only; Feishu bots cannot @ a mobile).
/// </summary>
public sealed class FeishuWebhookFormatter(WebhookMessageStyle style = WebhookMessageStyle.Text, string ackLabel = "Acknowledge") : IWebhookFormatter
{
    public NotificationChannel Channel => NotificationChannel.Feishu;

    public string Format(Notification notification, WebhookMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(mentions);
        if (style == WebhookMessageStyle.Rich)
        {
            var lines = new JsonArray
            {
                new JsonArray { new JsonObject { ["tag"] = "text", ["text"] = notification.Text } },
                new JsonArray { new JsonObject { ["tag"] = "a", ["text"] = ackLabel, ["href"] = notification.AckUrl.AbsoluteUri } },
            };
            if (mentions.UserIds.Count > 0)
            {
                lines.Add(new JsonArray(mentions.UserIds.Select(id => (JsonNode?)new JsonObject { ["tag"] = "at", ["user_id"] = id }).ToArray()));
            }

            return WebhookJson.Serialize(new JsonObject
            {
                ["msg_type"] = "post",
                ["content"] = new JsonObject
                {
                    ["post"] = new JsonObject
                    {
                        ["zh_cn"] = new JsonObject { ["title"] = notification.Subject, ["content"] = lines },
                    },
                },
            });
        }

        var text = WebhookJson.PlainText(notification, ackLabel)
            + string.Concat(mentions.UserIds.Select(id => $" <at user_id=\"{id}\"></at>"));
        return WebhookJson.Serialize(new JsonObject
        {
            ["msg_type"] = "text",
            ["content"] = new JsonObject { ["text"] = text },
        });
    }
}
