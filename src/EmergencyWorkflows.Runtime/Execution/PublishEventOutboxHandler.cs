using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>Delivers <c>Elsa.PublishEvent</c> messages as events; a local event reaches only the publishing instance.</summary>
public sealed class PublishEventOutboxHandler(IWorkflowRuntime runtime) : IOutboxMessageHandler
{
    public string Kind => OutboxKinds.PublishEvent;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.Payload;
        var eventName = Text(payload["eventName"]);
        if (string.IsNullOrEmpty(eventName))
        {
            return;
        }

        var isLocal = payload["isLocalEvent"] is JsonValue l && l.TryGetValue<bool>(out var local) && local;
        var instanceId = isLocal ? Text(payload["sourceInstanceId"]) ?? message.InstanceId : null;
        var correlationId = Text(payload["correlationId"]);
        await runtime.TriggerEventAsync(
            new TriggerEventRequest(eventName, string.IsNullOrEmpty(correlationId) ? null : correlationId, instanceId, payload["payload"]?.DeepClone()),
            cancellationToken);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
