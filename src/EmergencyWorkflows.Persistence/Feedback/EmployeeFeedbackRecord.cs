namespace EmergencyWorkflows.Persistence.Feedback;

/// <summary>
/// An employee's feedback on a handled incident they reported (plan §2: collect employee feedback): one row per incident
/// and person; a later submission replaces the earlier one and raises <see cref="Revision"/>.
/// </summary>
public sealed class EmployeeFeedbackRecord
{
    public required string Id { get; set; }
    public required string IncidentId { get; set; }

    /// <summary>The user name of the employee who gave it (the incident's reporter).</summary>
    public required string GivenBy { get; set; }

    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int Satisfaction { get; set; }

    public string? Comments { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Revision { get; set; }
}
