using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.If</c>: runs the embedded <c>then</c> or <c>else</c> activity and completes when it completes.</summary>
public sealed class If : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.If",
        Category = "Branching",
        DisplayName = "If",
        Description = "Evaluate a Boolean condition to determine which activity to execute next.",
        Inputs = [new("condition", "Boolean", JsonValue.Create(false), "Condition", UiHint: "singleline")],
        Outputs = [new("result", "Boolean")],
    };

    public override bool AutoComplete => false;

    public override void Execute(ActivityExecutionContext context)
    {
        var condition = context.EvaluateBoolean("condition");
        context.SetOutput("result", JsonValue.Create(condition));
        if (context.Node.EmbeddedPorts.TryGetValue(condition ? "then" : "else", out var branch))
        {
            context.ScheduleChild(branch);
        }
        else
        {
            context.Complete();
        }
    }
}
