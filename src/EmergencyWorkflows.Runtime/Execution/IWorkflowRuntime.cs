using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// The application surface of the engine: start, resume, signal, wake, cancel. Every call that changes an instance
/// returns only after its burst has been committed through <see cref="IWorkflowInstanceStore.SaveAsync"/>.
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>Starts a new instance of the latest published version (or <see cref="StartWorkflowRequest.VersionId"/>).</summary>
    /// <exception cref="WorkflowDefinitionNotFoundException">No such (published) definition.</exception>
    /// <exception cref="WorkflowDefinitionInvalidException">The definition has validation errors.</exception>
    Task<WorkflowInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default);

    /// <summary>Resumes one bookmark by id. Of several concurrent calls for one bookmark exactly one is applied.</summary>
    Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, JsonObject? input, CancellationToken cancellationToken = default);

    /// <summary>Raises an event for the instances waiting on it (narrowed by correlation id or instance id).</summary>
    Task<IReadOnlyList<ResumeResult>> TriggerEventAsync(TriggerEventRequest request, CancellationToken cancellationToken = default);

    /// <summary>Completes an <c>Elsa.RunTask</c> by its task id; the result becomes the RunTask's <c>result</c> output.</summary>
    Task<ResumeResult> CompleteTaskAsync(string taskId, JsonNode? result, CancellationToken cancellationToken = default);

    /// <summary>Fires a timer bookmark if it is still pending and due; a second call for the same bookmark does nothing.</summary>
    Task<ResumeResult> WakeTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>Cancels a running instance (§2.8). Returns null when the instance does not exist.</summary>
    Task<WorkflowInstance?> CancelAsync(string instanceId, CancellationToken cancellationToken = default);
}

public sealed record StartWorkflowRequest(
    string DefinitionId,
    JsonObject? Input = null,
    string? CorrelationId = null,
    string? Name = null,
    string? VersionId = null,
    string? InstanceId = null);

public sealed record TriggerEventRequest(
    string EventName,
    string? CorrelationId = null,
    string? InstanceId = null,
    JsonNode? Payload = null);

public enum ResumeStatus
{
    /// <summary>The bookmark was consumed and the burst committed.</summary>
    Resumed,

    /// <summary>No such bookmark (or instance).</summary>
    NotFound,

    /// <summary>Another resumption consumed the bookmark first.</summary>
    AlreadyConsumed,

    /// <summary>A timer woken before its due time; nothing happened.</summary>
    NotDue,
}

public sealed record ResumeResult(ResumeStatus Status, string? InstanceId, WorkflowInstance? Instance, string Message)
{
    public bool Applied => Status == ResumeStatus.Resumed;
}

public sealed class WorkflowDefinitionNotFoundException(string definitionId)
    : Exception($"No published workflow definition '{definitionId}' exists.")
{
    public string DefinitionId { get; } = definitionId;
}

public sealed class WorkflowDefinitionInvalidException(string definitionId, IReadOnlyList<string> errors)
    : Exception($"Workflow definition '{definitionId}' is not valid: {string.Join("; ", errors)}")
{
    public string DefinitionId { get; } = definitionId;
    public IReadOnlyList<string> Errors { get; } = errors;
}
