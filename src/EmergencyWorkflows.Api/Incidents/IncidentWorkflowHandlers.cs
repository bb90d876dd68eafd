using EmergencyWorkflows.Emergency.Activities;
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
