using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Persistence.Tests.Support;

/// <summary>Hand-built instances and bookmarks (the engine is written in parallel).</summary>
public static class TestData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static WorkflowInstance Instance(string? id = null, string definitionId = "fire-alarm", string? correlationId = "incident-1") => new()
    {
        Id = id ?? NewId("wi"),
        DefinitionId = definitionId,
        DefinitionVersionId = definitionId + "-v2",
        DefinitionVersion = 2,
        CorrelationId = correlationId,
        Name = "Fire alarm, building B",
        Status = WorkflowStatus.Running,
        SubStatus = WorkflowSubStatus.Suspended,
        CreatedAt = Start,
        UpdatedAt = Start.AddMinutes(1),
    };

    /// <summary>An instance using every kind of member a store must keep: nested JSON, both-case keys, offsets, incidents.</summary>
    public static WorkflowInstance RichInstance(string? id = null)
    {
        var instance = Instance(id);
        instance.Input = JsonNode.Parse("""{"reporter":"anon","floor":3,"tags":["smoke","b"]}""")!.AsObject();
        instance.Output = JsonNode.Parse("""{"grade":"P1"}""")!.AsObject();
        instance.Variables = JsonNode.Parse(
            """{"v-1":{"Name":"upper","name":"lower","n":[1,2.5,null,true]},"v-2":"text","v-3":12345678901234,"v-4":null}""")!.AsObject();
        instance.ExecutionState = JsonNode.Parse(
            """{"scopes":[{"id":"flow1","queue":["a","b"]}],"register":{"a":{"Output":42}}}""")!.AsObject();
        instance.Bookmarks =
        [
            EventBookmark("ack-received", key: "ack-received"),
            TimerBookmark(Start.AddMinutes(15)) with { Payload = JsonNode.Parse("""{"resumeAt":"2026-03-01T08:15:00Z"}""")!.AsObject() },
        ];
        instance.Incidents =
        [
            new Incident("send-sms", "Workflow1:flow1:send-sms", "Emergency.SendSms", "gateway down", "System.Net.Http.HttpRequestException",
                new DateTimeOffset(2026, 3, 1, 9, 2, 3, TimeSpan.FromHours(2))),
        ];
        instance.FinishedAt = null;
        instance.UpdatedAt = new DateTimeOffset(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(1));
        return instance;
    }

    public static Bookmark EventBookmark(string eventName, string? key = null, string? id = null) => new()
    {
        Id = id ?? NewId("bm"),
        Name = BookmarkNames.Event,
        Key = key ?? eventName,
        Hash = "hash-" + eventName,
        Payload = new JsonObject { ["eventName"] = eventName },
        ActivityId = "wait-" + eventName,
        ActivityNodeId = "Workflow1:flow1:wait-" + eventName,
        ActivityInstanceId = NewId("ai"),
        CreatedAt = Start,
    };

    public static Bookmark TimerBookmark(DateTimeOffset dueAt, string? id = null) => new()
    {
        Id = id ?? NewId("bm"),
        Name = BookmarkNames.Delay,
        ActivityId = "delay",
        ActivityNodeId = "Workflow1:flow1:delay",
        ActivityInstanceId = NewId("ai"),
        CreatedAt = Start,
        DueAt = dueAt,
    };

    public static OutboxMessage Message(string instanceId, string? id = null, DateTimeOffset? createdAt = null) => new(
        id ?? NewId("msg"),
        instanceId,
        OutboxKinds.RunTask,
        new JsonObject { ["taskId"] = "t-1", ["taskName"] = "Notify", ["taskPayload"] = new JsonObject { ["to"] = "tier-1" } },
        createdAt ?? Start);

    public static WorkflowCommit NewCommit(WorkflowInstance instance, params OutboxMessage[] outbox) => new(instance, 0, outbox);

    /// <summary>The stored JSON form: two instances are equal when these are equal (JsonObjects compare by reference).</summary>
    public static JsonNode Snapshot(WorkflowInstance instance) =>
        JsonSerializer.SerializeToNode(instance, SnapshotOptions)!;

    private static readonly JsonSerializerOptions SnapshotOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];
}
