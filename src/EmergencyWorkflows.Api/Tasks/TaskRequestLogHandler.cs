using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Tasks;

/// <summary>
/// Receives <c>Elsa.RunTask</c> requests from the outbox. For now it records them in the log (task id and name only;
/// the payload may hold personal data); notifying responders comes with the tasks issue.
/// </summary>
internal sealed class TaskRequestLogHandler(ILogger<TaskRequestLogHandler> logger) : IOutboxMessageHandler
{
    public string Kind => OutboxKinds.RunTask;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        logger.LogInformation("Task {TaskId} ({TaskName}) requested by instance {InstanceId}",
            (string?)message.Payload["taskId"], (string?)message.Payload["taskName"], message.InstanceId);
        return Task.CompletedTask;
    }
}
