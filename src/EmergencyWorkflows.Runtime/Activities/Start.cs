using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.Start</c>: a no-op marker, the preferred start of a flowchart.</summary>
public sealed class Start : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Start",
        Category = "Flow",
        DisplayName = "Start",
        Description = "A milestone activity that marks the start of a flowchart.",
        IsStart = true,
    };

    public override void Execute(ActivityExecutionContext context)
    {
    }
}
