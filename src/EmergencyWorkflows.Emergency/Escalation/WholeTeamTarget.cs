namespace EmergencyWorkflows.Emergency.Escalation;

public sealed record WholeTeamTarget : EscalationTarget;
