using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// Slack incoming webhook: <c>text</c> (the notification fallback) plus Block Kit <c>blocks</c>: a mrkdwn section
/// and an actions block with a link button to the acknowledge URL. Mentions are <c>&lt;@Uxxxx&gt;</c> member ids.
/// </summary>
public sealed class SlackWebhookFormatter(string ackLabel = "Acknowledge") : IWebhookFormatter
{
    public NotificationChannel Channel => NotificationChannel.Slack;

    public string Format(Notification notification, WebhookMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(mentions);
        var mentionText = string.Concat(mentions.UserIds.Select(id => $" <@{id}>"));
        var section = $"*{Escape(notification.Subject)}*\n{Escape(notification.Text)}{mentionText}";
        return WebhookJson.Serialize(new JsonObject
        {
            ["text"] = $"{Escape(notification.Subject)}: {Escape(notification.Text)}{mentionText}",
            ["blocks"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = section },
                },
                new JsonObject
                {
                    ["type"] = "actions",
                    ["elements"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["type"] = "button",
                            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = ackLabel },
                            ["url"] = notification.AckUrl.AbsoluteUri,
                            ["style"] = "primary",
                        },
                    },
                },
            },
        });
    }

    // Slack treats &, < and > as control characters in mrkdwn; user text must not be able to forge a mention or link.
    private static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
