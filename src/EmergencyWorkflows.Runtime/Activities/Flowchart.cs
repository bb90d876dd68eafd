using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>
/// <c>Elsa.Flowchart</c>: the container. Starts at the §2.3 start node and schedules children with the counter-based
/// join/skip/loop algorithm of §2.4 (Elsa 3.5.2+ counter mode).
/// </summary>
public sealed class Flowchart : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Flowchart",
        Category = "Flow",
        DisplayName = "Flowchart",
        Description = "A container that runs its activities along their connections.",
        IsBrowsable = false,
    };

    public override bool AutoComplete => false;

    public override void Execute(ActivityExecutionContext context)
    {
        var triggerId = context.State.ParentId is null ? context.Burst.TriggerActivityId : null;
        var start = ExecutionPlan.PickStart(context.Node, triggerId);
        if (start is null)
        {
            context.Complete();
            return;
        }

        context.State.Scope = new FlowScope { StartActivityId = start.Id };
        context.ScheduleFlowchartChild(start, backward: false);
    }

    public override void OnChildCompleted(ActivityExecutionContext context, CompletedChild child)
    {
        if (context.Burst.Plan.ActivityOf(child.Node.Id).Descriptor.IsTerminal)
        {
            context.Complete();
            return;
        }

        var scope = context.State.Scope ??= new FlowScope { StartActivityId = child.Node.Id };
        var graph = context.Burst.Plan.Graph(context.Node, scope.StartActivityId);
        Propagate(context, scope, graph, child.Node.Id, child.Outcomes, child.EnteredViaBackwardConnection);

        if (!context.Burst.HasPendingWork(context.State))
        {
            context.Complete();
        }
    }

    private static void Propagate(
        ActivityExecutionContext context,
        FlowScope scope,
        FlowchartGraph graph,
        string activityId,
        IReadOnlyList<string?> outcomes,
        bool enteredViaBackward)
    {
        if (!enteredViaBackward)
        {
            scope.ActivityVisits[activityId] = scope.ActivityVisit(activityId) + 1;
        }

        foreach (var connection in graph.Outbound(activityId))
        {
            var key = graph.KeyOf(connection);
            var followed = Contains(outcomes, connection.SourcePort);
            scope.ConnectionVisits[key] = scope.ConnectionVisit(key) + 1;
            scope.ConnectionFollowed[key] = followed;
            var target = context.Burst.Plan.Node(connection.TargetId);

            if (graph.IsBackward(connection))
            {
                if (followed)
                {
                    context.ScheduleFlowchartChild(target, backward: true);
                }

                continue;
            }

            var inbound = graph.InboundForward(target.Id);
            if (inbound.Count == 0)
            {
                // The source is not reachable from the start (a dangling island): just follow the wire.
                if (followed)
                {
                    context.ScheduleFlowchartChild(target, backward: false);
                }

                continue;
            }

            var mode = target.Type == "Elsa.FlowJoin" ? FlowJoin.ModeOf(context, target)
                : FlowJoinMode.WaitAllActive;
            var targetVisits = scope.ActivityVisit(target.Id);
            var allVisited = true;
            var max = 0;
            foreach (var c in inbound)
            {
                var visits = scope.ConnectionVisit(graph.KeyOf(c));
                allVisited &= visits > targetVisits;
                max = Math.Max(max, visits);
            }

            var anyFollowed = false;
            var allFollowed = max > targetVisits;
            foreach (var c in inbound)
            {
                var cKey = graph.KeyOf(c);
                var atMax = scope.ConnectionVisit(cKey) == max;
                var cFollowed = atMax && scope.Followed(cKey);
                anyFollowed |= max > targetVisits && cFollowed;
                allFollowed &= cFollowed;
            }

            switch (mode)
            {
                case FlowJoinMode.WaitAny:
                    if (scope.ConnectionVisit(key) <= targetVisits || context.Burst.IsQueued(context.State, target.Id))
                    {
                        break;
                    }

                    if (anyFollowed)
                    {
                        CancelRunningAncestors(context, graph, target.Id);
                        context.ScheduleFlowchartChild(target, backward: false);
                    }
                    else if (allVisited)
                    {
                        Propagate(context, scope, graph, target.Id, [], enteredViaBackward: false);
                    }

                    break;
                case FlowJoinMode.WaitAll:
                    if (allVisited)
                    {
                        if (allFollowed)
                        {
                            context.ScheduleFlowchartChild(target, backward: false);
                        }
                        else
                        {
                            Propagate(context, scope, graph, target.Id, [], enteredViaBackward: false);
                        }
                    }

                    break;
                default:
                    if (allVisited)
                    {
                        if (anyFollowed)
                        {
                            context.ScheduleFlowchartChild(target, backward: false);
                        }
                        else
                        {
                            Propagate(context, scope, graph, target.Id, [], enteredViaBackward: false);
                        }
                    }

                    break;
            }
        }
    }

    private static void CancelRunningAncestors(ActivityExecutionContext context, FlowchartGraph graph, string targetId)
    {
        var ancestors = graph.Ancestors(targetId);
        foreach (var running in context.Burst.ChildrenOf(context.State).Where(c => ancestors.Contains(c.ActivityId)).ToList())
        {
            context.Burst.CancelContext(running);
        }
    }

    private static bool Contains(IReadOnlyList<string?> outcomes, string? port)
    {
        foreach (var outcome in outcomes)
        {
            if (string.Equals(outcome, port, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

}
