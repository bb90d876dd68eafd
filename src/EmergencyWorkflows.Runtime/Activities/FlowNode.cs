using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.FlowNode</c>: runs its embedded <c>body</c> (often a nested flowchart) and completes when it completes.</summary>
public sealed class FlowNode : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowNode",
        Category = "Flow",
        DisplayName = "Container",
        Description = "A simple container that executes the specified activity.",
    };

    public override bool AutoComplete => false;

    public override void Execute(ActivityExecutionContext context)
    {
        if (context.Node.EmbeddedPorts.TryGetValue("body", out var body))
        {
            context.ScheduleChild(body);
        }
        else
        {
            context.Complete();
        }
    }
}
