namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>How an event was assessed (plan §3.2): on-site inspection, data, employee feedback.</summary>
[Flags]
public enum AssessmentMethod
{
    None = 0,
    OnSiteInspection = 1,
    Data = 2,
    EmployeeFeedback = 4,
}
