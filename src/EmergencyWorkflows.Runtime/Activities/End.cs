using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.End</c>: terminal; completes the flowchart that contains it.</summary>
public sealed class End : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.End",
        Category = "Flow",
        DisplayName = "End",
        Description = "A milestone activity that marks the end of a flowchart.",
        Outcomes = [],
        IsTerminal = true,
    };

    public override void Execute(ActivityExecutionContext context)
    {
    }
}
