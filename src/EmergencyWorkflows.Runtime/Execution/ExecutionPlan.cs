using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// What the engine derives once per definition (and registry): activities by id and by name, the activity class of
/// every node, input specs, and flowchart graphs. Cached, so a burst never re-reads the definition JSON.
/// </summary>
internal sealed class ExecutionPlan
{
    private static readonly ConditionalWeakTable<WorkflowDefinition, ExecutionPlan> Cache = new();
    private readonly ConcurrentDictionary<(string FlowchartId, string StartId), FlowchartGraph> graphs = new();
    private readonly ConcurrentDictionary<(string ActivityId, string Input), InputSpec> inputs = new();

    private ExecutionPlan(WorkflowDefinition definition, ActivityRegistry registry)
    {
        Definition = definition;
        Registry = registry;
        foreach (var node in definition.AllActivities())
        {
            Nodes.TryAdd(node.Id, node);
            Activities.TryAdd(node.Id, registry.Resolve(node.Type));
            if (node.Name is { Length: > 0 } name)
            {
                ByName.TryAdd(name, node);
            }
        }

        foreach (var variable in definition.Variables)
        {
            VariablesByName.TryAdd(variable.Name, variable);
            VariablesById.TryAdd(variable.Id, variable);
        }
    }

    public WorkflowDefinition Definition { get; }
    public ActivityRegistry Registry { get; }
    public Dictionary<string, ActivityNode> Nodes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ActivityNode> ByName { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Activity> Activities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, VariableDefinition> VariablesByName { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, VariableDefinition> VariablesById { get; } = new(StringComparer.Ordinal);

    public static ExecutionPlan For(WorkflowDefinition definition, ActivityRegistry registry)
    {
        if (Cache.TryGetValue(definition, out var plan) && ReferenceEquals(plan.Registry, registry))
        {
            return plan;
        }

        plan = new ExecutionPlan(definition, registry);
        Cache.AddOrUpdate(definition, plan);
        return plan;
    }

    public ActivityNode Node(string activityId) =>
        Nodes.TryGetValue(activityId, out var node)
            ? node
            : throw new InvalidOperationException($"Activity '{activityId}' is not in definition '{Definition.Id}'.");

    public Activity ActivityOf(string activityId) => Activities[activityId];

    public InputSpec Input(ActivityNode node, string name) =>
        inputs.GetOrAdd((node.Id, name), static (key, n) => n.Input(key.Input), node);

    public FlowchartGraph Graph(ActivityNode flowchart, string startId) =>
        graphs.GetOrAdd((flowchart.Id, startId), static (key, f) => new FlowchartGraph(f, key.StartId), flowchart);

    /// <summary>§2.3: trigger activity, first Elsa.Start, first canStartWorkflow, first without inbound connection, first.</summary>
    public static ActivityNode? PickStart(ActivityNode flowchart, string? triggerActivityId)
    {
        var children = flowchart.Activities;
        if (children.Count == 0)
        {
            return null;
        }

        if (triggerActivityId is not null)
        {
            foreach (var a in children)
            {
                if (a.Id == triggerActivityId)
                {
                    return a;
                }
            }
        }

        foreach (var a in children)
        {
            if (a.Type == "Elsa.Start")
            {
                return a;
            }
        }

        foreach (var a in children)
        {
            if (a.CanStartWorkflow)
            {
                return a;
            }
        }

        foreach (var a in children)
        {
            var hasInbound = false;
            foreach (var c in flowchart.Connections)
            {
                if (c.TargetId == a.Id)
                {
                    hasInbound = true;
                    break;
                }
            }

            if (!hasInbound)
            {
                return a;
            }
        }

        return children[0];
    }
}
