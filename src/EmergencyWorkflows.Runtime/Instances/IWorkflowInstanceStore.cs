using EmergencyWorkflows.Runtime.Bookmarks;

namespace EmergencyWorkflows.Runtime.Instances;

/// <summary>
/// Durable instance storage. <see cref="SaveAsync"/> writes the instance, its bookmarks, its timers (bookmarks
/// with a due time) and its outbox messages in ONE transaction, and only if the stored revision still equals
/// <see cref="WorkflowCommit.ExpectedRevision"/>; otherwise it throws <see cref="WorkflowConcurrencyException"/>
/// and writes nothing.
/// </summary>
public interface IWorkflowInstanceStore
{
    Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Commits a burst. On success the instance's <see cref="WorkflowInstance.Revision"/> is ExpectedRevision + 1.</summary>
    Task SaveAsync(WorkflowCommit commit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkflowInstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default);
}

/// <summary>One burst's durable outcome.</summary>
/// <param name="Instance">The instance after the burst (its Revision is the one it was loaded with).</param>
/// <param name="ExpectedRevision">The revision the burst started from; 0 for a new instance.</param>
/// <param name="Outbox">Messages produced by the burst.</param>
public sealed record WorkflowCommit(WorkflowInstance Instance, long ExpectedRevision, IReadOnlyList<OutboxMessage> Outbox);

public sealed record InstanceQuery(string? DefinitionId = null, string? CorrelationId = null, WorkflowStatus? Status = null, int Take = 100);

public sealed record WorkflowInstanceSummary(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    string? CorrelationId,
    string? Name,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    int IncidentCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The instance changed since it was loaded: someone else's burst committed first.</summary>
public sealed class WorkflowConcurrencyException : Exception
{
    public WorkflowConcurrencyException(string instanceId, long expectedRevision)
        : base($"Workflow instance '{instanceId}' was changed by another execution (expected revision {expectedRevision}).")
    {
        InstanceId = instanceId;
    }

    public WorkflowConcurrencyException()
    {
        InstanceId = string.Empty;
    }

    public WorkflowConcurrencyException(string message) : base(message)
    {
        InstanceId = string.Empty;
    }

    public WorkflowConcurrencyException(string message, Exception inner) : base(message, inner)
    {
        InstanceId = string.Empty;
    }

    public string InstanceId { get; }
}
