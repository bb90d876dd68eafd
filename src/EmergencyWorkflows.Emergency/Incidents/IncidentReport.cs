namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>
/// A report as the plan asks for it (§3.1): when, where, who and how many, the nature of the event, the initial
/// situation and how to reach the reporter. <see cref="Category"/> null means "unknown": the emergency team triages.
/// </summary>
public sealed record IncidentReport(
    DateTimeOffset OccurredAt,
    string Location,
    IReadOnlyList<string> PeopleInvolved,
    int PeopleAffected,
    IncidentCategory? Category,
    string InitialSituation,
    ReporterContact Reporter,
    ReportChannel Channel,
    IReadOnlyList<ReportAttachment> Attachments)
{
    /// <summary>Injuries or deaths reported, when the reporter knows (feeds the grade suggestion).</summary>
    public int? Casualties { get; init; }

    /// <summary>The reporter said there is major damage to property.</summary>
    public bool MajorPropertyLoss { get; init; }
}

/// <summary>How to reach whoever reported (personal data: never logged unmasked).</summary>
public sealed record ReporterContact(string Name, string? Phone, string? Email, string? ImAccount);

/// <summary>An attachment's metadata; the bytes are stored apart from the report.</summary>
public sealed record ReportAttachment(string FileName, string ContentType, long SizeBytes);
