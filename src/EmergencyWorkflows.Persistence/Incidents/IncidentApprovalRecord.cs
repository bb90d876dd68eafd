namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>
/// A decision waiting for a second team lead (four eyes): downgrading or closing a Level 1 incident. It is applied
/// only when a different team lead approves it.
/// </summary>
public sealed class IncidentApprovalRecord
{
    public required string Id { get; set; }
    public required string IncidentId { get; set; }

    /// <summary><c>Regrade</c> or <c>Close</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>For a regrade: the grade asked for.</summary>
    public int? ProposedGrade { get; set; }

    /// <summary>For a regrade: the assessment asked for, as JSON.</summary>
    public string? ProposedAssessmentJson { get; set; }

    public required string Reason { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary><c>Pending</c>, <c>Approved</c> or <c>Rejected</c>.</summary>
    public required string State { get; set; }

    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}
