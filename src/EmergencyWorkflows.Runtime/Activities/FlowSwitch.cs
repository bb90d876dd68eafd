using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>
/// <c>Elsa.FlowSwitch</c>: evaluates the raw <c>cases</c> in order as Booleans; MatchFirst → the first true label,
/// MatchAny → every true label; none → <c>Default</c>.
/// </summary>
public sealed class FlowSwitch : Activity
{
    private static readonly string?[] Default = ["Default"];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.FlowSwitch",
        Category = "Branching",
        DisplayName = "Switch (flow)",
        Description = "Evaluate a set of case conditions and schedule the activity for a matching case.",
        Inputs =
        [
            new("cases", "Object", DisplayName: "Cases", UiHint: "flow-switch-editor", IsWrapped: false),
            new("mode", "Elsa.Workflows.SwitchMode", JsonValue.Create("MatchFirst"), "Mode", UiHint: "dropdown", Options: ["MatchFirst", "MatchAny"]),
        ],
        Outcomes = ["Default"],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        var matchAny = string.Equals(context.EvaluateText("mode")?.Trim(), "MatchAny", StringComparison.Ordinal);
        var matched = new List<string?>();
        foreach (var (label, condition) in Cases(context.Node))
        {
            if (condition is not null && EngineConvert.ToBoolean(context.EvaluateExpression(condition)))
            {
                matched.Add(label);
                if (!matchAny)
                {
                    break;
                }
            }
        }

        context.Complete(matched.Count == 0 ? Default : matched);
    }

    public override IEnumerable<string> DynamicOutcomes(ActivityNode node) => Cases(node).Select(c => c.Label);

    /// <summary>The case labels and conditions as stored (condition null when not an expression object).</summary>
    public static IEnumerable<(string Label, ExpressionSpec? Condition)> Cases(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Json["cases"] is not JsonArray cases)
        {
            yield break;
        }

        foreach (var item in cases)
        {
            if (item is not JsonObject c)
            {
                continue;
            }

            var label = c["label"] is JsonValue l && l.TryGetValue<string>(out var s) ? s : string.Empty;
            ExpressionSpec? condition = c["condition"] switch
            {
                JsonObject e when e["type"] is JsonValue t && t.TryGetValue<string>(out var type) => new ExpressionSpec(type, e["value"]?.DeepClone()),
                JsonValue raw => ExpressionSpec.Literal(raw.DeepClone()),
                _ => null,
            };
            yield return (label, condition);
        }
    }
}
