using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Bookmarks;

namespace EmergencyWorkflows.Runtime.Instances;

public enum WorkflowStatus
{
    Running,
    Finished,
}

public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}

/// <summary>
/// The durable state of one workflow instance. Everything here is plain data (JSON nodes, records) so that a
/// store can persist it as it is; <see cref="ExecutionState"/> belongs to the engine and is opaque to stores.
/// </summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionVersionId { get; init; }
    public int DefinitionVersion { get; init; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;
    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;

    /// <summary>Run input (start input plus what resumptions merged in).</summary>
    public JsonObject Input { get; set; } = [];

    /// <summary>Workflow outputs by declared output name.</summary>
    public JsonObject Output { get; set; } = [];

    /// <summary>Variable values keyed by variable id.</summary>
    public JsonObject Variables { get; set; } = [];

    public List<Bookmark> Bookmarks { get; set; } = [];
    public List<Incident> Incidents { get; set; } = [];

    /// <summary>Engine-owned state: running activity contexts, flowchart scopes, output register.</summary>
    public JsonObject ExecutionState { get; set; } = [];

    /// <summary>Optimistic-concurrency token: the number of successful saves. A save expects the value it loaded.</summary>
    public long Revision { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => Status == WorkflowStatus.Finished;

    public WorkflowInstance Clone() => new()
    {
        Id = Id,
        DefinitionId = DefinitionId,
        DefinitionVersionId = DefinitionVersionId,
        DefinitionVersion = DefinitionVersion,
        CorrelationId = CorrelationId,
        Name = Name,
        Status = Status,
        SubStatus = SubStatus,
        Input = (JsonObject)Input.DeepClone(),
        Output = (JsonObject)Output.DeepClone(),
        Variables = (JsonObject)Variables.DeepClone(),
        Bookmarks = Bookmarks.Select(b => b with { Payload = (JsonObject)b.Payload.DeepClone() }).ToList(),
        Incidents = [.. Incidents],
        ExecutionState = (JsonObject)ExecutionState.DeepClone(),
        Revision = Revision,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        FinishedAt = FinishedAt,
    };
}

/// <summary>A fault recorded on an instance (§2.7).</summary>
public sealed record Incident(
    string ActivityId,
    string ActivityNodeId,
    string ActivityType,
    string Message,
    string? ExceptionType,
    DateTimeOffset Timestamp);
