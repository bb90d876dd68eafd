namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>The plan's categories (§3.3). Their configuration and workflow keys are in <see cref="IncidentCategoryKeys"/>.</summary>
public enum IncidentCategory
{
    PersonnelSafety,
    ServiceInterruption,
    ComplaintDispute,
}
