using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Definitions;

/// <summary>
/// An activity as it appears in the definition JSON. Inputs are read lazily from <see cref="Json"/>; containers
/// (flowcharts) expose their children and connections, and activity-valued properties (<c>body</c>, <c>then</c>,
/// <c>else</c>) are exposed as <see cref="EmbeddedPorts"/>.
/// </summary>
public sealed class ActivityNode
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Name { get; init; }

    /// <summary>The node's JSON object as read.</summary>
    public required JsonObject Json { get; init; }

    /// <summary>The flowchart (or other container) that holds this node; null for the root.</summary>
    public ActivityNode? Parent { get; internal set; }

    /// <summary>The embedded port that holds this node in its parent (e.g. <c>body</c>), null when it is a flowchart child.</summary>
    public string? ParentPort { get; internal set; }

    /// <summary><c>customProperties.canStartWorkflow</c> (or the legacy top-level flag).</summary>
    public bool CanStartWorkflow { get; init; }

    /// <summary>Children of a flowchart, in document order. Empty for non-containers.</summary>
    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    /// <summary>Connections of a flowchart, in document order, dangling ones already dropped.</summary>
    public IReadOnlyList<Connection> Connections { get; init; } = [];

    /// <summary>Activity-valued properties (camelCase JSON name → node), e.g. <c>body</c> of FlowNode.</summary>
    public IReadOnlyDictionary<string, ActivityNode> EmbeddedPorts { get; init; } = new Dictionary<string, ActivityNode>();

    public bool IsFlowchart => Type == "Elsa.Flowchart";

    /// <summary>The node path Elsa calls nodeId: <c>Workflow1:&lt;ancestor ids&gt;:&lt;id&gt;</c>.</summary>
    public string NodeId => Parent is null ? $"Workflow1:{Id}" : $"{Parent.NodeId}:{Id}";

    /// <summary>The display text the designer shows, else the name, else the id.</summary>
    public string DisplayName =>
        (Json["metadata"] as JsonObject)?["displayText"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? (string)Json["metadata"]!["displayText"]!
            : Name ?? Id;

    /// <summary>Reads an input by its camelCase JSON name with Elsa's absent / null / set distinction.</summary>
    public InputSpec Input(string jsonName) => InputSpec.Read(Json, jsonName);

    /// <summary>The output binding (<c>memoryReference.id</c>) of an output property, if bound.</summary>
    public string? OutputBinding(string jsonName) =>
        Json[jsonName] is JsonObject o && o["memoryReference"] is JsonObject m && m["id"] is JsonValue v
            && v.TryGetValue<string>(out var id) && !string.IsNullOrEmpty(id)
            ? id
            : null;

    public IEnumerable<ActivityNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Activities)
        {
            foreach (var d in child.SelfAndDescendants())
            {
                yield return d;
            }
        }

        foreach (var embedded in EmbeddedPorts.Values)
        {
            foreach (var d in embedded.SelfAndDescendants())
            {
                yield return d;
            }
        }
    }

    public override string ToString() => $"{Type} '{DisplayName}' ({Id})";
}

/// <summary>A flowchart connection. <see cref="SourcePort"/> is the outcome that must be produced; null matches the implicit null outcome.</summary>
public sealed record Connection(string SourceId, string? SourcePort, string TargetId, string? TargetPort)
{
    /// <summary>Elsa's connection key: <c>src[:port]-&gt;tgt[:port]</c>.</summary>
    public string Key =>
        (SourcePort is null ? SourceId : $"{SourceId}:{SourcePort}") + "->" +
        (TargetPort is null ? TargetId : $"{TargetId}:{TargetPort}");
}
