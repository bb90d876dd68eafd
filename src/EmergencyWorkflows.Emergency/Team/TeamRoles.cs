namespace EmergencyWorkflows.Emergency.Team;

/// <summary>The roles of the emergency team (plan §2): HR leads it, department heads are members, responders act.</summary>
public static class TeamRoles
{
    public const string TeamLead = "team-lead";
    public const string DepartmentHead = "department-head";
    public const string Responder = "responder";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [TeamLead, DepartmentHead, Responder, Admin];
}
