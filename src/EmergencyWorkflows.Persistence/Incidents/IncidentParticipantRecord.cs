namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>Someone who works on an incident (responded, assigned, notified): the incident is visible to them.</summary>
public sealed class IncidentParticipantRecord
{
    public required string IncidentId { get; set; }

    /// <summary>A user name or a roster member id (acknowledge links carry only the member id).</summary>
    public required string Who { get; set; }

    public required string Role { get; set; }
    public DateTimeOffset Since { get; set; }
}
