using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.SetName</c>: sets the instance name.</summary>
public sealed class SetName : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.SetName",
        Category = "Primitives",
        DisplayName = "Set Name",
        Description = "Set the name of the workflow instance.",
        Inputs = [new("value", "String", DisplayName: "Value")],
    };

    public override void Execute(ActivityExecutionContext context) => context.Instance.Name = context.EvaluateText("value");
}
