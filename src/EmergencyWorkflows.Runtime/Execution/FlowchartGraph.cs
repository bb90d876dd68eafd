using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// Pre-analysis of one flowchart for one start activity (§2.4): outbound connections in document order, which
/// connections are backward (loop) edges, and the forward inbound connections of every activity. Recomputed, never
/// persisted; cached per flowchart and start.
/// </summary>
internal sealed class FlowchartGraph
{
    private static readonly IReadOnlyList<Connection> None = [];
    private readonly Dictionary<string, List<Connection>> outbound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Connection>> inboundForward = new(StringComparer.Ordinal);
    private readonly HashSet<Connection> backward = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Connection, string> keys = new(ReferenceEqualityComparer.Instance);

    public FlowchartGraph(ActivityNode flowchart, string startId)
    {
        StartId = startId;
        foreach (var c in flowchart.Connections)
        {
            keys[c] = c.Key;
            if (!outbound.TryGetValue(c.SourceId, out var list))
            {
                outbound[c.SourceId] = list = [];
            }

            list.Add(c);
        }

        // BFS from the start: an edge whose target already reaches its source through accepted edges closes a cycle.
        var accepted = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal) { startId };
        var queue = new Queue<string>();
        queue.Enqueue(startId);
        while (queue.Count > 0)
        {
            var source = queue.Dequeue();
            foreach (var c in Outbound(source))
            {
                if (c.TargetId == c.SourceId || Reaches(accepted, c.TargetId, c.SourceId))
                {
                    backward.Add(c);
                    continue;
                }

                if (!accepted.TryGetValue(c.SourceId, out var targets))
                {
                    accepted[c.SourceId] = targets = [];
                }

                targets.Add(c.TargetId);
                if (!inboundForward.TryGetValue(c.TargetId, out var inbound))
                {
                    inboundForward[c.TargetId] = inbound = [];
                }

                inbound.Add(c);
                if (visited.Add(c.TargetId))
                {
                    queue.Enqueue(c.TargetId);
                }
            }
        }
    }

    public string StartId { get; }

    public IReadOnlyList<Connection> Outbound(string activityId) =>
        outbound.TryGetValue(activityId, out var list) ? list : None;

    public IReadOnlyList<Connection> InboundForward(string activityId) =>
        inboundForward.TryGetValue(activityId, out var list) ? list : None;

    public bool IsBackward(Connection connection) => backward.Contains(connection);

    /// <summary>The connection's Elsa key (<c>src:port-&gt;tgt:port</c>), computed once.</summary>
    public string KeyOf(Connection connection) => keys.TryGetValue(connection, out var key) ? key : connection.Key;

    /// <summary>Activities upstream of <paramref name="activityId"/> through forward connections.</summary>
    public HashSet<string> Ancestors(string activityId)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(activityId);
        while (stack.Count > 0)
        {
            foreach (var c in InboundForward(stack.Pop()))
            {
                if (result.Add(c.SourceId))
                {
                    stack.Push(c.SourceId);
                }
            }
        }

        return result;
    }

    private static bool Reaches(Dictionary<string, List<string>> edges, string from, string to)
    {
        if (from == to)
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var stack = new Stack<string>();
        stack.Push(from);
        while (stack.Count > 0)
        {
            if (!edges.TryGetValue(stack.Pop(), out var next))
            {
                continue;
            }

            foreach (var n in next)
            {
                if (n == to)
                {
                    return true;
                }

                if (seen.Add(n))
                {
                    stack.Push(n);
                }
            }
        }

        return false;
    }
}
