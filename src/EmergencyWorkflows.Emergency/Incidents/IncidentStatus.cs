namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>Where an incident stands in the plan's response process (§3.1–3.5). <see cref="Cancelled"/> is a false
/// alarm, always with a reason.</summary>
public enum IncidentStatus
{
    Reported,
    Responding,
    Assessed,
    Handling,
    Resolved,
    Reviewed,
    Closed,
    Cancelled,
}
