using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.PublishEvent</c>: emits an outbox message that the dispatcher delivers; completes at once.</summary>
public sealed class PublishEvent : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.PublishEvent",
        Category = "Primitives",
        DisplayName = "Publish Event",
        Description = "Publishes an event.",
        Inputs =
        [
            new("eventName", "String", DisplayName: "Event"),
            new("correlationId", "String", DisplayName: "Correlation ID"),
            new("isLocalEvent", "Boolean", JsonValue.Create(false), "Local event"),
            new("payload", "Object", DisplayName: "Payload", UiHint: "json-editor"),
        ],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        var eventName = context.EvaluateText("eventName");
        if (string.IsNullOrWhiteSpace(eventName))
        {
            throw new InvalidOperationException("PublishEvent has no event name.");
        }

        var correlationId = context.EvaluateText("correlationId");
        context.AddOutboxMessage(OutboxKinds.PublishEvent, new JsonObject
        {
            ["eventName"] = eventName,
            ["correlationId"] = string.IsNullOrEmpty(correlationId) ? null : correlationId,
            ["isLocalEvent"] = context.EvaluateBoolean("isLocalEvent"),
            ["payload"] = context.Evaluate("payload"),
            ["sourceInstanceId"] = context.Instance.Id,
        });
    }
}
