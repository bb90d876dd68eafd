using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Definitions;

/// <summary>
/// Checks a definition against the activity registry and the expression evaluator: unknown activity types,
/// unsupported or unparsable expressions, fixed input values the activity itself refuses (<see cref="Activity.Check"/>), connections from ports an activity does not have, a root that is not a
/// non-empty flowchart, no start candidate. Reader warnings are not errors. Every message names the activity.
/// </summary>
public sealed class WorkflowDefinitionValidator(ActivityRegistry registry, IExpressionEvaluator evaluator) : IWorkflowDefinitionValidator
{
    public IReadOnlyList<string> Validate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<string>();
        var root = definition.Root;
        if (!root.IsFlowchart)
        {
            errors.Add($"The root activity {Describe(root)} is not an Elsa.Flowchart.");
        }
        else if (root.Activities.Count == 0)
        {
            errors.Add($"The root flowchart {Describe(root)} has no activities.");
        }

        foreach (var node in definition.AllActivities())
        {
            if (!registry.IsKnown(node.Type))
            {
                errors.Add($"Activity {Describe(node)}: activity type '{node.Type}' is not known to this runtime.");
                continue;
            }

            var activity = registry.Resolve(node.Type);
            CheckInputs(node, activity, errors);
            errors.AddRange(activity.Check(node).Select(problem => $"Activity {Describe(node)}: {problem}"));
            if (node.IsFlowchart)
            {
                CheckFlowchart(node, errors);
            }
        }

        return errors;
    }

    private void CheckInputs(ActivityNode node, Activity activity, List<string> errors)
    {
        foreach (var input in activity.Descriptor.Inputs)
        {
            if (!input.IsWrapped)
            {
                continue;
            }

            var spec = node.Input(input.Name);
            if (spec.IsSet)
            {
                CheckExpression(node, input.Name, spec.Expression!, errors);
            }
        }

        if (node.Type == "Elsa.Cron" && node.Input("cronExpression") is { IsSet: true, Expression: { Type: "Literal" } cron })
        {
            try
            {
                Cron.NextOccurrence(cron.Value?.ToString(), DateTimeOffset.UnixEpoch);
            }
            catch (InvalidOperationException ex)
            {
                errors.Add($"Activity {Describe(node)}, input 'cronExpression': {ex.Message}");
            }
        }

        if (node.Type == "Elsa.FlowSwitch")
        {
            foreach (var (label, condition) in FlowSwitch.Cases(node))
            {
                if (condition is not null)
                {
                    CheckExpression(node, $"case '{label}'", condition, errors);
                }
            }
        }
    }

    private void CheckExpression(ActivityNode node, string inputName, ExpressionSpec expression, List<string> errors)
    {
        if (!evaluator.Supports(expression.Type))
        {
            errors.Add($"Activity {Describe(node)}, input '{inputName}': unsupported expression type '{expression.Type}'.");
            return;
        }

        string? problem;
        try
        {
            problem = evaluator.Check(expression);
        }
#pragma warning disable CA1031 // A checker that throws instead of answering still means "this expression is not usable".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problem = ex.Message;
        }

        if (problem is not null)
        {
            errors.Add($"Activity {Describe(node)}, input '{inputName}': {problem}");
        }
    }

    private void CheckFlowchart(ActivityNode flowchart, List<string> errors)
    {
        foreach (var connection in flowchart.Connections)
        {
            var source = flowchart.Activities.FirstOrDefault(a => a.Id == connection.SourceId);
            if (source is null || !registry.IsKnown(source.Type))
            {
                continue;
            }

            var activity = registry.Resolve(source.Type);
            if (!HasPort(source, activity, connection.SourcePort))
            {
                var port = connection.SourcePort ?? "(none)";
                errors.Add(activity.Descriptor.IsTerminal
                    ? $"Activity {Describe(source)} is terminal and has no outcome, but a connection leaves it from port '{port}'."
                    : $"Activity {Describe(source)} has no outcome '{port}' (connection to '{connection.TargetId}').");
            }
        }

        if (flowchart.Activities.Count > 0
            && !flowchart.Activities.Any(a => a.Type == "Elsa.Start" || a.CanStartWorkflow)
            && flowchart.Activities.All(a => flowchart.Connections.Any(c => c.TargetId == a.Id)))
        {
            errors.Add($"Flowchart {Describe(flowchart)} has no start activity: no Elsa.Start, no trigger marked canStartWorkflow, and every activity has an inbound connection.");
        }
    }

    private static bool HasPort(ActivityNode source, Activity activity, string? port)
    {
        var descriptor = activity.Descriptor;
        if (!descriptor.IsTerminal && (port is null || port == "Done"))
        {
            return true;
        }

        return port is not null && (descriptor.Outcomes.Contains(port) || activity.DynamicOutcomes(source).Contains(port));
    }

    private static string Describe(ActivityNode node) =>
        node.DisplayName == node.Id ? $"{node.Type} '{node.Id}'" : $"{node.Type} '{node.DisplayName}' ({node.Id})";
}
