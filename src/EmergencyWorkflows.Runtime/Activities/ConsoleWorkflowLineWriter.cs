namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>Writes WriteLine output to standard output, as Elsa does by default.</summary>
public sealed class ConsoleWorkflowLineWriter : IWorkflowLineWriter
{
    public void WriteLine(string instanceId, string text) => Console.Out.WriteLine(text);
}
