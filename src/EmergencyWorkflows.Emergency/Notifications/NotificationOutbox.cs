using System.Globalization;
using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// The outbox contract between the workflow (which decides that someone must be told) and the delivery side (which
/// tells them): one outbox message of kind <see cref="Kind"/> per notification, whose message id is derived from the
/// notification's dedup key so that a burst replayed twice cannot queue the same notification twice.
/// </summary>
public static class NotificationOutbox
{
    public const string Kind = "Emergency.Notify";

    /// <summary>A stable outbox message id for a notification (the dedup key, prefixed with the kind).</summary>
    public static string MessageId(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return $"{Kind}/{notification.DedupKey}";
    }

    public static JsonObject ToPayload(Notification notification, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new JsonObject
        {
            ["instanceId"] = instanceId,
            ["incidentId"] = notification.IncidentId,
            ["topic"] = notification.Topic,
            ["tier"] = notification.Tier,
            ["repetition"] = notification.Repetition,
            ["recipientId"] = notification.RecipientId,
            ["channel"] = notification.Channel.ToString(),
            ["subject"] = notification.Subject,
            ["text"] = notification.Text,
            ["ackUrl"] = notification.AckUrl.ToString(),
        };
    }

    public static (Notification Notification, string InstanceId) FromPayload(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var notification = new Notification(
            Required(payload, "incidentId"),
            int.Parse(Required(payload, "tier"), CultureInfo.InvariantCulture),
            int.Parse(Required(payload, "repetition"), CultureInfo.InvariantCulture),
            Required(payload, "recipientId"),
            Enum.Parse<NotificationChannel>(Required(payload, "channel")),
            payload["subject"]?.ToString() ?? string.Empty,
            payload["text"]?.ToString() ?? string.Empty,
            new Uri(Required(payload, "ackUrl")),
            payload["topic"]?.ToString() is { Length: > 0 } topic ? topic : NotificationTopics.Escalation);
        return (notification, Required(payload, "instanceId"));
    }

    private static string Required(JsonObject payload, string name) =>
        payload[name]?.ToString() is { Length: > 0 } value
            ? value
            : throw new FormatException($"The {Kind} payload has no '{name}'.");
}
