using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>Applies a workflow's <see cref="SetIncidentStatus"/> move (committed with the instance) through the ledger:
/// lifecycle rules, timeline, no double move. Idempotent: a status already reached is left alone.</summary>
internal sealed class IncidentStatusHandler(IncidentLedger ledger) : IOutboxMessageHandler
{
    public string Kind => SetIncidentStatus.Kind;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ledger.ApplyWorkflowStatusAsync(
            (string?)message.Payload["incidentId"] ?? message.InstanceId,
            (string)message.Payload["status"]!,
            (string?)message.Payload["reason"],
            (string?)message.Payload["activity"],
            cancellationToken);
    }
}

/// <summary>Puts a workflow's system note (e.g. a task re-timed after a regrade) on the incident's timeline, once.</summary>
internal sealed class IncidentTimelineHandler(IncidentLedger ledger) : IOutboxMessageHandler
{
    public string Kind => IncidentRecord.TimelineMessageKind;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ledger.RecordSystemAsync(
            (string?)message.Payload["incidentId"] ?? message.InstanceId,
            TimelineKind.Task,
            (string)message.Payload["summary"]!,
            (string?)message.Payload["detail"],
            message.Id,
            cancellationToken,
            IncidentLedger.WorkflowActor);
    }
}
