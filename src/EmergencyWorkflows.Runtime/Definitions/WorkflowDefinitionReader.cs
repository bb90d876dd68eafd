using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Definitions;

/// <summary>
/// Reads Elsa-3 workflow-definition JSON tolerantly (elsa-format.md §1.11): BOM, <c>$schema</c>/<c>links</c>, legacy
/// connection shape, top-level legacy flags, stale type names, missing memory references, null vs absent inputs.
/// Structural problems that make the file unusable raise <see cref="DefinitionFormatException"/> with a clear message.
/// </summary>
public static class WorkflowDefinitionReader
{
    /// <summary>Nesting deeper than this is refused: real definitions are a handful of levels deep.</summary>
    public const int MaxDepth = 128;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = MaxDepth,
    };

    public static WorkflowDefinition Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(ParseObject(json.TrimStart('\uFEFF')));
    }

    public static WorkflowDefinition Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        return Read(Encoding.UTF8.GetString(utf8));
    }

    /// <summary>Reads a definition from an already parsed object. The object is cloned; the caller keeps its copy.</summary>
    public static WorkflowDefinition Read(JsonObject source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var json = (JsonObject)source.DeepClone();

        // Studio's save body wraps the definition in { "model": ..., "publish": ... }.
        if (json["root"] is null && json["model"] is JsonObject model)
        {
            json = (JsonObject)model.DeepClone();
        }

        var warnings = new List<string>();
        if (json["root"] is not JsonObject rootJson)
        {
            throw new DefinitionFormatException("The definition has no 'root' activity object.");
        }

        var root = ReadActivity(rootJson, "root", warnings, depth: 0);
        var definitionId = String(json, "definitionId");
        var id = String(json, "id");
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            definitionId = !string.IsNullOrWhiteSpace(id) ? id : null;
        }

        if (definitionId is null)
        {
            throw new DefinitionFormatException("The definition has neither 'definitionId' nor 'id'.");
        }

        var version = json["version"] is JsonValue vv && vv.TryGetValue<int>(out var v) ? v
            : json["version"] is JsonValue vs && vs.TryGetValue<string>(out var s) && int.TryParse(s, out var parsed) ? parsed
            : 1;

        return new WorkflowDefinition
        {
            Id = string.IsNullOrWhiteSpace(id) ? $"{definitionId}:v{version}" : id,
            DefinitionId = definitionId,
            Name = String(json, "name"),
            Description = String(json, "description"),
            Version = version,
            IsLatest = Bool(json, "isLatest") ?? true,
            IsPublished = Bool(json, "isPublished") ?? true,
            ToolVersion = String(json, "toolVersion"),
            CreatedAt = json["createdAt"] is JsonValue c && c.TryGetValue<string>(out var cs)
                && DateTimeOffset.TryParse(cs, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.RoundtripKind, out var created) ? created : null,
            Variables = ReadVariables(json["variables"] as JsonArray, warnings),
            Inputs = ReadArguments(json["inputs"] as JsonArray),
            Outputs = ReadArguments(json["outputs"] as JsonArray),
            ContinueWithIncidents = (String(json["options"] as JsonObject, "incidentStrategyType") ?? string.Empty)
                .Contains("ContinueWithIncidents", StringComparison.OrdinalIgnoreCase),
            Root = root,
            Source = json,
            ReaderWarnings = warnings,
        };
    }

    private static JsonObject ParseObject(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new DefinitionFormatException($"The definition is not valid JSON: {ex.Message}", ex);
        }

        // A definition exported into a JSON string (double-encoded) is unwrapped once.
        if (node is JsonValue str && str.TryGetValue<string>(out var inner) && inner.TrimStart().StartsWith('{'))
        {
            return ParseObject(inner);
        }

        return node as JsonObject
            ?? throw new DefinitionFormatException("The definition must be a JSON object.");
    }

    private static ActivityNode ReadActivity(JsonObject json, string path, List<string> warnings, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new DefinitionFormatException($"Activities are nested deeper than {MaxDepth} levels at {path}.");
        }

        var type = String(json, "type");
        if (string.IsNullOrWhiteSpace(type))
        {
            throw new DefinitionFormatException($"The activity at {path} has no 'type'.");
        }

        var id = String(json, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            id = String(json, "name");
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DefinitionFormatException($"The activity at {path} ({type}) has no 'id'.");
        }

        var canStart = Bool(json["customProperties"] as JsonObject, "canStartWorkflow")
                       ?? Bool(json, "canStartWorkflow") ?? false;

        var embedded = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        foreach (var (key, value) in json)
        {
            if (key is "activities" or "connections" or "customProperties" or "metadata" or "variables")
            {
                continue;
            }

            if (value is JsonObject o && IsActivityObject(o))
            {
                embedded[key] = ReadActivity(o, $"{path}.{key}", warnings, depth + 1);
            }
        }

        var children = new List<ActivityNode>();
        var connections = new List<Connection>();
        if (type == "Elsa.Flowchart")
        {
            if (json["activities"] is JsonArray activities)
            {
                var index = 0;
                foreach (var item in activities)
                {
                    if (item is not JsonObject child)
                    {
                        throw new DefinitionFormatException($"{path}.activities[{index}] is not an activity object.");
                    }

                    children.Add(ReadActivity(child, $"{path}.activities[{index}]", warnings, depth + 1));
                    index++;
                }
            }

            var duplicate = children.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new DefinitionFormatException($"Two activities in {path} share the id '{duplicate.Key}'.");
            }

            var ids = children.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            connections = ReadConnections(json["connections"] as JsonArray, ids, path, warnings);
        }

        var node = new ActivityNode
        {
            Id = id,
            Type = type,
            Name = String(json, "name"),
            Json = json,
            CanStartWorkflow = canStart,
            Activities = children,
            Connections = connections,
            EmbeddedPorts = embedded,
        };
        foreach (var child in children)
        {
            child.Parent = node;
        }

        foreach (var (port, child) in embedded)
        {
            child.Parent = node;
            child.ParentPort = port;
        }

        return node;
    }

    /// <summary>An embedded activity has a string <c>type</c> and <c>id</c>; wrapped inputs and variables do not.</summary>
    private static bool IsActivityObject(JsonObject o) =>
        o["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && !o.ContainsKey("typeName")
        && (o.ContainsKey("id") || o.ContainsKey("activities"));

    private static List<Connection> ReadConnections(JsonArray? array, HashSet<string> ids, string path, List<string> warnings)
    {
        var result = new List<Connection>();
        if (array is null)
        {
            return result;
        }

        foreach (var item in array)
        {
            if (item is not JsonObject c)
            {
                warnings.Add($"{path}: a connection that is not an object was ignored.");
                continue;
            }

            string? source, sourcePort, target, targetPort;
            if (c["source"] is JsonObject s)
            {
                source = String(s, "activity");
                sourcePort = String(s, "port");
                var t = c["target"] as JsonObject;
                target = String(t, "activity");
                targetPort = String(t, "port");
            }
            else
            {
                // Legacy pre-release shape: { source, target, sourcePort, targetPort }.
                source = String(c, "source");
                target = String(c, "target");
                sourcePort = String(c, "sourcePort");
                targetPort = String(c, "targetPort");
            }

            if (source is null || target is null || !ids.Contains(source) || !ids.Contains(target))
            {
                warnings.Add($"{path}: the connection {source ?? "?"} -> {target ?? "?"} points at a missing activity and was dropped.");
                continue;
            }

            result.Add(new Connection(source, sourcePort, target, targetPort));
        }

        return result;
    }

    private static List<VariableDefinition> ReadVariables(JsonArray? array, List<string> warnings)
    {
        var result = new List<VariableDefinition>();
        foreach (var item in array ?? [])
        {
            if (item is not JsonObject v)
            {
                continue;
            }

            var name = String(v, "name");
            var id = String(v, "id") ?? name;
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(id))
            {
                warnings.Add("A variable without a name was dropped.");
                continue;
            }

            var value = v["value"] switch
            {
                null => null,
                JsonValue jv when jv.TryGetValue<string>(out var sv) => sv,
                var other => other.ToJsonString(),
            };
            result.Add(new VariableDefinition(id, name, String(v, "typeName") ?? "Object", Bool(v, "isArray") ?? false,
                value, String(v, "storageDriverTypeName")));
        }

        return result;
    }

    private static List<ArgumentDefinition> ReadArguments(JsonArray? array)
    {
        var result = new List<ArgumentDefinition>();
        foreach (var item in array ?? [])
        {
            if (item is JsonObject a && String(a, "name") is { Length: > 0 } name)
            {
                result.Add(new ArgumentDefinition(name, String(a, "type") ?? String(a, "typeName") ?? "Object",
                    Bool(a, "isArray") ?? false, String(a, "displayName"), String(a, "description")));
            }
        }

        return result;
    }

    internal static string? String(JsonObject? o, string name) =>
        o?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    internal static bool? Bool(JsonObject? o, string name) => o?[name] switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var b) => b,
        _ => null,
    };
}

/// <summary>The definition JSON cannot be read. The message says what is wrong and where.</summary>
public sealed class DefinitionFormatException : Exception
{
    public DefinitionFormatException(string message) : base(message)
    {
    }

    public DefinitionFormatException(string message, Exception inner) : base(message, inner)
    {
    }

    public DefinitionFormatException()
    {
    }
}
