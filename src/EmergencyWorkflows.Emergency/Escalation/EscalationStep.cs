namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>One planned notification round: tier and repetition are 1-based; recipients are member ids in target order.</summary>
public sealed record EscalationStep(int Tier, int Repetition, DateTimeOffset DueAt, IReadOnlyList<string> RecipientIds);
