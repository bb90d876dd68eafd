using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>A trigger of a definition (§3.3): a trigger-kind activity marked canStartWorkflow, with its stimulus payload.</summary>
public sealed record WorkflowTrigger(string ActivityId, string ActivityType, string Name, JsonObject Payload);
