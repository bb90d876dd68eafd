using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>How to start an instance. <see cref="TriggerActivityId"/> makes that activity the start node, and it completes at once (§3.3).</summary>
public sealed record StartWorkflowOptions(
    string? InstanceId = null,
    string? CorrelationId = null,
    string? Name = null,
    JsonObject? Input = null,
    string? TriggerActivityId = null);
