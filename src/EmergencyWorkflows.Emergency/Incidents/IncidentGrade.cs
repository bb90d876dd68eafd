namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>The plan's grading (§3.2): 1 major (casualties, major loss), 2 serious (service interruption,
/// many affected), 3 general (local, individuals affected).</summary>
public enum IncidentGrade
{
    Level1 = 1,
    Level2 = 2,
    Level3 = 3,
}
