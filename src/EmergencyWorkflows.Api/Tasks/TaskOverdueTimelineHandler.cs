using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Tasks;

/// <summary>Puts an overdue human task (<see cref="HumanTask.OverdueKind"/>, committed with the breach) on the incident's
/// timeline, and makes the people it notified participants; written once even when the message is delivered again.</summary>
internal sealed class TaskOverdueTimelineHandler(IncidentLedger ledger) : IOutboxMessageHandler
{
    public string Kind => HumanTask.OverdueKind;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var due = message.Payload["due"]?.GetValue<DateTimeOffset>();
        var line = TimelineMessages.TaskOverdue((string?)message.Payload["title"], due, (string?)message.Payload["assignee"], (int?)message.Payload["notified"] ?? 0)
            .WithTitleZh((string?)message.Payload["titleZh"]);
        var recipients = (message.Payload["recipients"]?.AsArray() ?? []).Select(r => (string?)r).OfType<string>().ToList();
        return ledger.RecordSystemAsync(message.InstanceId, TimelineKind.Task, line, $"task {(string?)message.Payload["taskId"]}", message.Id, recipients,
            cancellationToken);
    }
}
