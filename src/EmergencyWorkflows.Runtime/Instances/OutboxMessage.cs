using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Instances;

/// <summary>
/// A message a burst wants sent (a task request, a published event, a notification). It is written in the same
/// transaction as the instance and dispatched afterwards, at least once; <see cref="Id"/> is the dedup key.
/// </summary>
public sealed record OutboxMessage(string Id, string InstanceId, string Kind, JsonObject Payload, DateTimeOffset CreatedAt);

public static class OutboxKinds
{
    /// <summary>An <c>Elsa.RunTask</c> request: payload <c>{taskId, taskName, taskPayload, ...}</c>.</summary>
    public const string RunTask = "Elsa.RunTask";

    /// <summary>An <c>Elsa.PublishEvent</c> to deliver: payload <c>{eventName, correlationId, isLocalEvent, payload}</c>.</summary>
    public const string PublishEvent = "Elsa.PublishEvent";
}
