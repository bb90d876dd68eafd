using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.FlowDecision</c>: completes with <c>True</c> or <c>False</c>.</summary>
public sealed class FlowDecision : Activity
{
    private static readonly string?[] True = ["True"];
    private static readonly string?[] False = ["False"];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowDecision",
        Category = "Branching",
        DisplayName = "Decision",
        Description = "Evaluate a Boolean condition to determine which path to execute next.",
        Inputs = [new("condition", "Boolean", JsonValue.Create(false), "Condition", UiHint: "singleline")],
        Outcomes = ["True", "False"],
    };

    public override void Execute(ActivityExecutionContext context) =>
        context.Complete(context.EvaluateBoolean("condition") ? True : False);
}
