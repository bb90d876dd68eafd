using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.RunJavaScript</c>: runs <c>script</c>; completes with the outcomes set by <c>setOutcome(s)</c>, else Done.</summary>
public sealed class RunJavaScript : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.RunJavaScript",
        Category = "Scripting",
        DisplayName = "Run JavaScript",
        Description = "Executes JavaScript code.",
        Inputs =
        [
            new("script", "String", DisplayName: "Script", UiHint: "code-editor"),
            new("possibleOutcomes", "String[]", DisplayName: "Possible Outcomes", UiHint: "dynamic-outcomes"),
        ],
        Outputs = [new("result", "Object")],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        var outcomes = new List<string>();
        var spec = context.Burst.Plan.Input(context.Node, "script");
        var result = spec.IsSet
            ? context.Burst.EvaluateExpression(spec.Expression!.Type == "Literal"
                ? new ExpressionSpec("JavaScript", spec.Expression.Value) : spec.Expression, outcomes)
            : null;
        context.SetOutput("result", result);
        context.Complete([.. outcomes]);
    }

    public override IEnumerable<string> DynamicOutcomes(ActivityNode node) => FlowFork.StaticList(node, "possibleOutcomes");
}
