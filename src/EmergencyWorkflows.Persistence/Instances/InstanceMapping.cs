using System.Text.Json;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Persistence.Instances;

/// <summary>Runtime instance ⇄ stored record, in one place.</summary>
internal static class InstanceMapping
{
    public static WorkflowInstanceRecord ToRecord(WorkflowInstance instance, long revision) => new()
    {
        Id = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionVersionId = instance.DefinitionVersionId,
        DefinitionVersion = instance.DefinitionVersion,
        CorrelationId = instance.CorrelationId,
        Name = instance.Name,
        Status = instance.Status.ToString(),
        SubStatus = instance.SubStatus.ToString(),
        StateJson = JsonSerializer.Serialize(instance, PersistenceJson.Options),
        IncidentCount = instance.Incidents.Count,
        Revision = revision,
        CreatedAt = instance.CreatedAt,
        UpdatedAt = instance.UpdatedAt,
        FinishedAt = instance.FinishedAt,
    };

    /// <summary>The state JSON is the truth, except the revision: the column is what concurrency checks use.</summary>
    public static WorkflowInstance ToInstance(WorkflowInstanceRecord record)
    {
        var instance = JsonSerializer.Deserialize<WorkflowInstance>(record.StateJson, PersistenceJson.Options)
            ?? throw new InvalidOperationException($"Workflow instance '{record.Id}' has empty state.");
        instance.Revision = record.Revision;
        return instance;
    }

    public static WorkflowInstanceSummary ToSummary(WorkflowInstanceRecord record) => new(
        record.Id,
        record.DefinitionId,
        record.DefinitionVersion,
        record.CorrelationId,
        record.Name,
        Enum.Parse<WorkflowStatus>(record.Status),
        Enum.Parse<WorkflowSubStatus>(record.SubStatus),
        record.IncidentCount,
        record.CreatedAt,
        record.UpdatedAt);
}
