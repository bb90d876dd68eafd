using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.SetVariable</c>: sets the variable named by the raw <c>variable</c> object (by id, else by name).</summary>
public sealed class SetVariable : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.SetVariable",
        Category = "Primitives",
        DisplayName = "Set Variable",
        Description = "Assign a value to a workflow variable.",
        Inputs =
        [
            new("variable", "Variable", DisplayName: "Variable", UiHint: "variable-picker", IsWrapped: false),
            new("value", "Object", DisplayName: "Value", UiHint: "singleline"),
        ],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        if (context.Node.Json["variable"] is not JsonObject variable)
        {
            throw new InvalidOperationException("SetVariable has no variable selected.");
        }

        var value = context.Evaluate("value");
        var id = variable["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var i) ? i : null;
        var name = variable["name"] is JsonValue nameValue && nameValue.TryGetValue<string>(out var n) ? n : null;
        if (id is not null && context.Definition.Variables.Any(v => v.Id == id))
        {
            context.SetVariableById(id, value);
        }
        else if (name is not null)
        {
            context.SetVariableByName(name, value);
        }
        else if (id is not null)
        {
            context.SetVariableById(id, value);
        }
        else
        {
            throw new InvalidOperationException("SetVariable's variable has neither id nor name.");
        }
    }
}
