using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Sla;

namespace EmergencyWorkflows.Emergency.Metrics;

/// <summary>
/// What the metrics need of one incident: when it was reported, its category and recorded grade (null until assessed),
/// whether and when it was closed or cancelled, and its response SLA as the workflow recorded it (null when the workflow
/// has no Emergency.ResponseSla step, e.g. triage of an unknown category, or has not started yet).
/// </summary>
public sealed record IncidentSample(
    string Id,
    IncidentCategory? Category,
    IncidentGrade? Grade,
    DateTimeOffset ReportedAt,
    ResponseSla? Sla,
    DateTimeOffset? ClosedAt = null,
    bool Cancelled = false);
