using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.Finish</c>: clears the queue, callbacks and bookmarks and finishes the instance, wherever it is.</summary>
public sealed class Finish : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Finish",
        Category = "Primitives",
        DisplayName = "Finish",
        Description = "Mark the workflow as finished.",
        Outcomes = [],
        IsTerminal = true,
    };

    public override bool AutoComplete => false;

    public override void Execute(ActivityExecutionContext context) => context.FinishWorkflow();
}
