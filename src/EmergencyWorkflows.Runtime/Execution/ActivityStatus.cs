namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>Status of an activity execution context (§2.1). Completed and canceled contexts are pruned from the state.</summary>
public enum ActivityStatus
{
    Running,
    Completed,
    Canceled,
    Faulted,
}
