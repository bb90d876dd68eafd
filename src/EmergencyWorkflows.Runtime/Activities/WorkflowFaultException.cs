namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>Thrown by <c>Elsa.Fault</c> (and the unknown-type placeholder); becomes an incident.</summary>
public sealed class WorkflowFaultException : Exception
{
    public WorkflowFaultException(string message, string code = "0", string category = "General", string faultType = "System")
        : base(message)
    {
        Code = code;
        Category = category;
        FaultType = faultType;
    }

    public WorkflowFaultException() : this("Fault")
    {
    }

    public WorkflowFaultException(string message, Exception inner) : base(message, inner)
    {
        Code = "0";
        Category = "General";
        FaultType = "System";
    }

    public WorkflowFaultException(string message) : this(message, "0")
    {
    }

    public string Code { get; }
    public string Category { get; }
    public string FaultType { get; }
}
