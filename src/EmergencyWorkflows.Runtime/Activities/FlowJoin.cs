using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.FlowJoin</c>: the join semantics live in the flowchart (§2.4); the activity itself just completes.</summary>
public sealed class FlowJoin : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowJoin",
        Category = "Branching",
        DisplayName = "Join",
        Description = "Merge multiple branches into a single branch of execution.",
        Inputs = [new("mode", "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode", JsonValue.Create("WaitAny"), "Mode", UiHint: "dropdown",
            Options: Enum.GetNames<FlowJoinMode>())],
    };

    public override void Execute(ActivityExecutionContext context)
    {
    }

    /// <summary>The join mode of a FlowJoin node: absent ⇒ WaitAny, explicit null ⇒ WaitAll (enum default), else the evaluated name or number.</summary>
    internal static FlowJoinMode ModeOf(ActivityExecutionContext flowchart, Definitions.ActivityNode join)
    {
        var activity = flowchart.Burst.Plan.ActivityOf(join.Id);
        var input = activity.Descriptor.FindInput("mode");
        if (input is null)
        {
            return FlowJoinMode.WaitAny;
        }

        var value = flowchart.Burst.EvaluateInput(join, input, null);
        if (value is null)
        {
            return FlowJoinMode.WaitAll;
        }

        if (value is JsonValue v && v.TryGetValue<int>(out var number) && Enum.IsDefined((FlowJoinMode)number))
        {
            return (FlowJoinMode)number;
        }

        var text = EngineConvert.ToText(value)?.Trim();
        return Enum.TryParse<FlowJoinMode>(text, ignoreCase: false, out var mode) && Enum.IsDefined(mode) ? mode : FlowJoinMode.WaitAll;
    }
}
