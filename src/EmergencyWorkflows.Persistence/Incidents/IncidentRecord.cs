namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>
/// One incident as stored: the report as received, who reported it, where it stands and how it was graded. The id is
/// the id of the workflow instance that handles it. <see cref="WorkflowStarted"/> stays false between the durable
/// insert and the workflow start; a start-up sweep completes any row a crash left in that state.
/// </summary>
public sealed class IncidentRecord
{
    public required string Id { get; set; }

    /// <summary>The workflow definition handling the incident (the category's, or <c>triage</c>).</summary>
    public required string DefinitionId { get; set; }

    /// <summary>The category key (<c>personnel-safety</c>, …); null while the category is unknown (triage).</summary>
    public string? Category { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
    public required string Location { get; set; }

    /// <summary>A JSON array of the names of the people involved.</summary>
    public required string PeopleInvolvedJson { get; set; }

    public int PeopleAffected { get; set; }
    public int? Casualties { get; set; }
    public bool MajorPropertyLoss { get; set; }
    public required string InitialSituation { get; set; }
    public required string Channel { get; set; }

    public required string ReporterName { get; set; }
    public string? ReporterPhone { get; set; }
    public string? ReporterEmail { get; set; }
    public string? ReporterImAccount { get; set; }

    /// <summary>The signed-in user who filed the report (who may always read it).</summary>
    public required string ReportedBy { get; set; }

    /// <summary>The filer's roster member id, when they are on the emergency team.</summary>
    public string? ReportedByMemberId { get; set; }

    public required string Status { get; set; }

    /// <summary>The recorded grade (1-3); null until assessed.</summary>
    public int? Grade { get; set; }

    public int SuggestedGrade { get; set; }

    /// <summary>A JSON array of the reasons behind <see cref="SuggestedGrade"/>.</summary>
    public required string SuggestedGradeReasonsJson { get; set; }

    /// <summary>The latest assessment as JSON (grade, methods, evidence, by, at); null until assessed.</summary>
    public string? AssessmentJson { get; set; }

    public string? CancelReason { get; set; }
    public bool WorkflowStarted { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: every update increments it, and a stale update fails.</summary>
    public int Version { get; set; }
}
