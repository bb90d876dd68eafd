using System.Text.Json;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Notifications;

/// <summary>
/// Delivers the workflow's <c>Emergency.Notify</c> outbox messages. Returns once the first attempt is recorded
/// (delivered, failed, or a retry scheduled that the retry sweep takes over), so the outbox never re-sends: the ledger
/// is the record of what happened. A payload that cannot be read is logged and dropped (retrying cannot fix it).
/// </summary>
internal sealed class EmergencyNotifyOutboxHandler(NotificationDelivery delivery, ILogger<EmergencyNotifyOutboxHandler> logger) : IOutboxMessageHandler
{
    public string Kind => NotificationOutbox.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Notification notification;
        string instanceId;
        try
        {
            (notification, instanceId) = NotificationOutbox.FromPayload(message.Payload);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or JsonException or InvalidOperationException)
        {
            logger.LogError(ex, "Outbox message {MessageId} of kind {Kind} has an unreadable payload; dropped", message.Id, message.Kind);
            return;
        }

        await delivery.DeliverAsync(notification, string.IsNullOrEmpty(instanceId) ? message.InstanceId : instanceId, cancellationToken);
    }
}
