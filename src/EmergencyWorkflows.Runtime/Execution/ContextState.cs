using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>The persisted part of an activity execution context: who it is, who waits for its completion, its status.</summary>
internal sealed class ContextState
{
    public required string Id { get; init; }
    public required string ActivityId { get; init; }

    /// <summary>The context whose activity gets the completion callback; null for the root flowchart.</summary>
    public string? ParentId { get; init; }

    public ActivityStatus Status { get; set; } = ActivityStatus.Running;

    /// <summary>Entered through a loop (backward) connection: its completion does not count as a visit.</summary>
    public bool Backward { get; init; }

    public FlowScope? Scope { get; set; }

    /// <summary>Activity-specific state (e.g. a RunTask's task id).</summary>
    public JsonObject? Properties { get; set; }
}
