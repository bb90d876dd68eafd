using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.SetOutput</c>: at top level writes <c>instance.output[outputName]</c>.</summary>
public sealed class SetOutput : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.SetOutput",
        Category = "Composition",
        DisplayName = "Set Output",
        Description = "Assign a value to a workflow output.",
        Inputs =
        [
            new("outputName", "String", DisplayName: "Output", UiHint: "output-picker"),
            new("outputValue", "Object", DisplayName: "Value"),
        ],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        var name = context.EvaluateText("outputName");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException("SetOutput has no output name.");
        }

        context.Instance.Output[name] = context.Evaluate("outputValue");
    }
}
