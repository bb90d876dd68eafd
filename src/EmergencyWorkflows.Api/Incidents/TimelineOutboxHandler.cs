using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Writes a workflow step's <see cref="TimelineOutbox"/> line (task opened, claimed, reassigned, completed; escalation
/// tier reached) on its incident's timeline, with the participants it names, in one transaction. The outbox message id
/// is stored as the entry's source (unique), so a message delivered twice writes once. Nothing for an instance that is
/// not an incident (started through the engine API).
/// </summary>
internal sealed class TimelineOutboxHandler(IncidentWriter writer, ILogger<TimelineOutboxHandler> logger) : IOutboxMessageHandler
{
    public string Kind => TimelineOutbox.Kind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.Payload;
        var at = payload["at"]?.GetValue<DateTimeOffset>() ?? message.CreatedAt;
        var participants = (payload["participants"]?.AsArray() ?? [])
            .Select(p => ((string?)p?["who"], (string?)p?["role"]))
            .Where(p => !string.IsNullOrWhiteSpace(p.Item1) && !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => (Who: p.Item1!, Role: p.Item2!))
            .Distinct()
            .ToList();
        var written = await writer.WriteAsync(async (db, ct) =>
        {
            var incidentId = IncidentInstanceIds.IncidentOf(message.InstanceId);
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId, ct);
            if (incident is null || await db.IncidentTimeline.AnyAsync(t => t.SourceId == message.Id, ct))
            {
                return 0;
            }

            foreach (var (who, role) in participants)
            {
                if (!await db.IncidentParticipants.AnyAsync(p => p.IncidentId == incident.Id && p.Who == who && p.Role == role, ct))
                {
                    db.IncidentParticipants.Add(new IncidentParticipantRecord { IncidentId = incident.Id, Who = who, Role = role, Since = at });
                }
            }

            db.IncidentTimeline.Add(new IncidentTimelineRecord
            {
                IncidentId = incident.Id,
                At = at,
                Actor = (string?)payload["actor"] ?? "system",
                Kind = (string?)payload["kind"] ?? "Task",
                Summary = (string?)payload["summary"] ?? string.Empty,
                Detail = string.IsNullOrWhiteSpace((string?)payload["detail"]) ? null : ((string)payload["detail"]!).Trim(),
                SourceId = message.Id,
                MessageKey = (string?)payload["messageKey"],
                MessageArgs = payload["args"] is JsonObject args ? args.ToJsonString() : null,
            });
            incident.UpdatedAt = at > incident.UpdatedAt ? at : incident.UpdatedAt;
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
        if (written > 0)
        {
            logger.LogDebug("Incident {IncidentId}: timeline entry {MessageId} written with {ParticipantCount} participant(s)",
                message.InstanceId, message.Id, participants.Count);
        }
    }
}
