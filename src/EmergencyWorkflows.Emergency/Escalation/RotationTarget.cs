namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>Whoever is on call in the rotation at the instant the step is due.</summary>
public sealed record RotationTarget(string RotationId) : EscalationTarget;
