using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>
/// Lists the triggers of a definition: Event, Timer, Cron, StartAt (and HttpEndpoint, though not executable here)
/// activities with <c>canStartWorkflow</c>. Payloads come from Literal/Object inputs (what triggers hold in practice).
/// </summary>
public static class WorkflowTriggers
{
    public static IReadOnlyList<WorkflowTrigger> List(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var triggers = new List<WorkflowTrigger>();
        foreach (var node in definition.AllActivities())
        {
            if (!node.CanStartWorkflow)
            {
                continue;
            }

            JsonObject? payload = node.Type switch
            {
                "Elsa.Event" => new JsonObject { ["eventName"] = LiteralText(node, "eventName") },
                "Elsa.Timer" => new JsonObject { ["interval"] = LiteralText(node, "interval") ?? "00:01:00" },
                "Elsa.Cron" => new JsonObject { ["cronExpression"] = LiteralText(node, "cronExpression") },
                "Elsa.StartAt" => new JsonObject { ["executeAt"] = LiteralText(node, "dateTime") },
                "Elsa.HttpEndpoint" => new JsonObject
                {
                    ["path"] = LiteralText(node, "path"),
                    ["methods"] = new JsonArray([.. Literal(node, "supportedMethods") is { } m
                        ? EngineConvert.ToStringList(m).Select(s => (JsonNode)JsonValue.Create(s.ToLowerInvariant()))
                        : [JsonValue.Create("get")]]),
                },
                _ => null,
            };
            if (payload is not null)
            {
                triggers.Add(new WorkflowTrigger(node.Id, node.Type, node.Type, payload));
            }
        }

        return triggers;
    }

    private static JsonNode? Literal(ActivityNode node, string input)
    {
        var spec = node.Input(input);
        return spec.IsSet && spec.Expression!.Type is "Literal" or "Object" or "Json" ? spec.Expression.Value : null;
    }

    private static string? LiteralText(ActivityNode node, string input) => EngineConvert.ToText(Literal(node, input));
}
