using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.FlowFork</c>: completes with every branch name (or Done when there are none).</summary>
public sealed class FlowFork : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowFork",
        Category = "Branching",
        DisplayName = "Fork (flow)",
        Description = "Branch execution into multiple branches.",
        Inputs = [new("branches", "String[]", DisplayName: "Branches", UiHint: "dynamic-outcomes")],
        Outcomes = [],
    };

    public override void Execute(ActivityExecutionContext context) =>
        context.Complete([.. context.EvaluateStringList("branches")]);

    public override IEnumerable<string> DynamicOutcomes(ActivityNode node) => StaticList(node, "branches");

    internal static IReadOnlyList<string> StaticList(ActivityNode node, string input)
    {
        var spec = node.Input(input);
        return spec.IsSet && spec.Expression!.Type is "Literal" or "Object" or "Json"
            ? EngineConvert.ToStringList(spec.Expression.Value)
            : [];
    }
}
