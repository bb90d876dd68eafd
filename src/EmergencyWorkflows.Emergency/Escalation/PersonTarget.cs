namespace EmergencyWorkflows.Emergency.Escalation;

public sealed record PersonTarget(string MemberId) : EscalationTarget;
