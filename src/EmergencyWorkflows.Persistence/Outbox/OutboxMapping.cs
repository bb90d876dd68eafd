using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Persistence.Outbox;

internal static class OutboxMapping
{
    public static OutboxRecord ToRecord(OutboxMessage message) => new()
    {
        Id = message.Id,
        InstanceId = message.InstanceId,
        Kind = message.Kind,
        PayloadJson = message.Payload.ToJsonString(PersistenceJson.Options),
        CreatedAt = message.CreatedAt,
    };

    public static OutboxMessage ToMessage(OutboxRecord record) => new(
        record.Id,
        record.InstanceId,
        record.Kind,
        JsonSerializer.Deserialize<JsonObject>(record.PayloadJson, PersistenceJson.Options) ?? [],
        record.CreatedAt);
}
