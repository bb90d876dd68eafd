namespace EmergencyWorkflows.Emergency.Sla;

public enum SlaState
{
    Pending,
    Met,
    Breached,
}
