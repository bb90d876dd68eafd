using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>
/// <c>Elsa.Complete</c>: terminal; completes the enclosing composite with outcomes. The only composite here is the
/// workflow itself, so the instance finishes (the outcomes are recorded as the activity's result).
/// </summary>
public sealed class Complete : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Complete",
        Category = "Composition",
        DisplayName = "Complete",
        Description = "Signals the current composite activity (here: the workflow) to complete itself.",
        Inputs = [new("outcomes", "Object", DisplayName: "Outcomes", UiHint: "outcome-picker")],
        Outcomes = [],
        IsTerminal = true,
    };

    public override bool AutoComplete => false;

    public override void Execute(ActivityExecutionContext context)
    {
        var outcomes = EngineConvert.ToStringList(context.Evaluate("outcomes"));
        context.SetOutput("result", new JsonArray([.. outcomes.Select(o => (JsonNode)JsonValue.Create(o))]));
        context.FinishWorkflow();
    }
}
