namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>The recorded assessment (plan §3.2: "record the assessment"): the grade, how it was reached, the evidence.</summary>
public sealed record Assessment(
    IncidentGrade Grade,
    AssessmentMethod Methods,
    string Evidence,
    string AssessedBy,
    DateTimeOffset AssessedAt)
{
    /// <summary>Null when the assessment can be recorded; otherwise what is missing.</summary>
    public string? WhyIncomplete()
    {
        if (!Enum.IsDefined(Grade))
        {
            return "The grade must be Level1, Level2 or Level3.";
        }

        if (Methods == AssessmentMethod.None || (Methods & ~(AssessmentMethod.OnSiteInspection | AssessmentMethod.Data | AssessmentMethod.EmployeeFeedback)) != 0)
        {
            return "Name at least one assessment method: on-site inspection, data or employee feedback.";
        }

        return string.IsNullOrWhiteSpace(Evidence) ? "Record the evidence the grade rests on." : null;
    }
}
