namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>Every roster member holding the role <paramref name="Name"/> (see Team.TeamRoles), in roster order.</summary>
public sealed record RoleTarget(string Name) : EscalationTarget;
