namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>Where <c>Elsa.WriteLine</c> writes. The default writes to the console; tests capture lines per instance.</summary>
public interface IWorkflowLineWriter
{
    void WriteLine(string instanceId, string text);
}
