namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>The two responses the plan counts (§3.2): a remote response started, or the team on site.</summary>
public enum ResponseKind
{
    Acknowledge,
    Arrive,
}
