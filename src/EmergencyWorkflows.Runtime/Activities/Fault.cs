using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.Fault</c>: throws a fault (code 0, category General, type System by default).</summary>
public sealed class Fault : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Fault",
        Category = "Primitives",
        DisplayName = "Fault",
        Description = "Faults the workflow.",
        Inputs =
        [
            new("code", "String", JsonValue.Create("0"), "Code"),
            new("category", "String", JsonValue.Create("General"), "Category"),
            new("faultType", "String", JsonValue.Create("System"), "Type"),
            new("message", "String", DisplayName: "Message"),
        ],
        Outcomes = [],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        var message = context.EvaluateText("message");
        throw new WorkflowFaultException(
            string.IsNullOrEmpty(message) ? "Fault" : message,
            context.EvaluateText("code") ?? "0",
            context.EvaluateText("category") ?? "General",
            context.EvaluateText("faultType") ?? "System");
    }
}
