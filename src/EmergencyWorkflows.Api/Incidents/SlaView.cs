using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>An incident's response SLA as its activities recorded it: deadline, met/breached, times to respond,
/// every response, the escalation policy snapshot it runs and the rounds sent so far.</summary>
internal sealed record SlaView(
    string InstanceId,
    string DefinitionId,
    string? CorrelationId,
    string State,
    int? Grade,
    string? Category,
    DateTimeOffset ReportedAt,
    DateTimeOffset Deadline,
    TimeSpan Target,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ArrivedAt,
    TimeSpan? TimeToAcknowledge,
    TimeSpan? TimeToArrive,
    JsonArray Responses,
    SlaPolicyView? Policy,
    JsonArray Escalations)
{
    /// <summary>Null when the instance has no response SLA (no Emergency.ResponseSla step reached).</summary>
    public static SlaView? Of(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (IncidentRecord.ReadSla(instance) is not { } sla)
        {
            return null;
        }

        var incident = IncidentRecord.ReadIncident(instance);
        var policy = IncidentRecord.ReadPolicy(instance);
        return new SlaView(
            instance.Id,
            instance.DefinitionId,
            instance.CorrelationId,
            sla.State.ToString(),
            (int?)incident?["grade"],
            (string?)incident?["category"],
            sla.ReportedAt,
            sla.Deadline,
            sla.Target,
            sla.AcknowledgedAt,
            sla.ArrivedAt,
            sla.TimeToAcknowledge,
            sla.TimeToArrive,
            (JsonArray)IncidentRecord.ReadResponses(instance).DeepClone(),
            policy is null ? null : new SlaPolicyView(policy.PolicyId, policy.PolicyName, policy.PolicyVersion, policy.TakenAt, policy.Tiers.Count),
            (JsonArray)IncidentRecord.ReadEscalation(instance).DeepClone());
    }
}

internal sealed record SlaPolicyView(string Id, string Name, int Version, DateTimeOffset TakenAt, int Tiers);

/// <summary>The answer to an acknowledgement or arrival: what happened and the SLA as it now stands.</summary>
internal sealed record ResponseAnswer(bool AlreadyRecorded, string Message, SlaView? Sla);
