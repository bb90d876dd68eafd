namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>The closing review of an incident (plan §3.5); at most one per incident.</summary>
public sealed class ReviewRecord
{
    public required string IncidentId { get; set; }
    public required string WhatHappened { get; set; }
    public required string RootCause { get; set; }
    public required string Lessons { get; set; }
    public required string WrittenBy { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
}
