namespace EmergencyWorkflows.Persistence.Instances;

/// <summary>
/// The stored shape of a workflow instance: a few queryable columns plus <see cref="StateJson"/>, the whole
/// runtime instance serialized. The columns are copies for filtering; the JSON is the truth.
/// </summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionVersionId { get; set; }
    public int DefinitionVersion { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public required string Status { get; set; }
    public required string SubStatus { get; set; }
    public required string StateJson { get; set; }
    public int IncidentCount { get; set; }

    /// <summary>Number of successful saves; the optimistic-concurrency token.</summary>
    public long Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
