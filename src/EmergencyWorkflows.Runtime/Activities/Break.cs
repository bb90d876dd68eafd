using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.Break</c>: terminal; ends the flowchart it is in (there are no loop activities here to break out of).</summary>
public sealed class Break : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Break",
        Category = "Looping",
        DisplayName = "Break",
        Description = "Break out of a loop.",
        Outcomes = [],
        IsTerminal = true,
    };

    public override void Execute(ActivityExecutionContext context)
    {
    }
}
