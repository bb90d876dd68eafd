using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// The engine's resumable state, kept in <c>WorkflowInstance.ExecutionState</c>: running contexts (with their parent
/// links, which are the pending completion callbacks), flowchart scopes, the output register and the last result.
/// Read at the start of a burst and written back at its end, so an instance rehydrated from JSON alone resumes.
/// </summary>
internal sealed class EngineState
{
    private const int FormatVersion = 1;

    public int Sequence { get; set; }

    /// <summary>Contexts in creation order; pruned when they complete or are canceled.</summary>
    public List<ContextState> Contexts { get; } = [];

    /// <summary>Output register: activity id → output name → last value (what getOutputFrom reads).</summary>
    public JsonObject Register { get; private set; } = [];

    public JsonNode? LastResult { get; set; }

    /// <summary>Names of variables created by setVariable for a name no definition declares.</summary>
    public List<string> DynamicVariables { get; } = [];

    public string NextContextId() => $"ctx-{++Sequence}";

    public ContextState? Find(string id)
    {
        foreach (var c in Contexts)
        {
            if (c.Id == id)
            {
                return c;
            }
        }

        return null;
    }

    public static EngineState Read(JsonObject json)
    {
        var state = new EngineState
        {
            Sequence = json["seq"] is JsonValue s && s.TryGetValue<int>(out var seq) ? seq : 0,
            Register = json["register"] is JsonObject r ? (JsonObject)r.DeepClone() : [],
            LastResult = json["lastResult"]?.DeepClone(),
        };

        if (json["dynamicVariables"] is JsonArray dyn)
        {
            foreach (var d in dyn)
            {
                if (d is JsonValue v && v.TryGetValue<string>(out var name))
                {
                    state.DynamicVariables.Add(name);
                }
            }
        }

        if (json["contexts"] is JsonArray contexts)
        {
            foreach (var node in contexts)
            {
                if (node is JsonObject c)
                {
                    state.Contexts.Add(ReadContext(c));
                }
            }
        }

        return state;
    }

    public JsonObject Write()
    {
        var contexts = new JsonArray();
        foreach (var c in Contexts)
        {
            contexts.Add(WriteContext(c));
        }

        var json = new JsonObject
        {
            ["format"] = FormatVersion,
            ["seq"] = Sequence,
            ["contexts"] = contexts,
            ["register"] = Register.DeepClone(),
        };
        if (LastResult is not null)
        {
            json["lastResult"] = LastResult.DeepClone();
        }

        if (DynamicVariables.Count > 0)
        {
            json["dynamicVariables"] = new JsonArray([.. DynamicVariables.Select(d => (JsonNode)JsonValue.Create(d))]);
        }

        return json;
    }

    private static ContextState ReadContext(JsonObject c)
    {
        var state = new ContextState
        {
            Id = Str(c, "id") ?? throw new InvalidOperationException("Execution state has a context without id."),
            ActivityId = Str(c, "activityId") ?? throw new InvalidOperationException("Execution state has a context without activityId."),
            ParentId = Str(c, "parentId"),
            Status = Enum.TryParse<ActivityStatus>(Str(c, "status"), out var st) ? st : ActivityStatus.Running,
            Backward = c["backward"] is JsonValue b && b.TryGetValue<bool>(out var bw) && bw,
            Properties = c["properties"] is JsonObject p ? (JsonObject)p.DeepClone() : null,
        };

        if (c["flowScope"] is JsonObject fs)
        {
            var scope = new FlowScope { StartActivityId = Str(fs, "start") ?? string.Empty };
            ReadCounts(fs["activityVisits"], scope.ActivityVisits);
            ReadCounts(fs["connectionVisits"], scope.ConnectionVisits);
            if (fs["connectionFollowed"] is JsonObject followed)
            {
                foreach (var (key, value) in followed)
                {
                    scope.ConnectionFollowed[key] = value is JsonValue fv && fv.TryGetValue<bool>(out var f) && f;
                }
            }

            state.Scope = scope;
        }

        return state;
    }

    private static JsonObject WriteContext(ContextState c)
    {
        var json = new JsonObject
        {
            ["id"] = c.Id,
            ["activityId"] = c.ActivityId,
            ["parentId"] = c.ParentId,
            ["status"] = c.Status.ToString(),
        };
        if (c.Backward)
        {
            json["backward"] = true;
        }

        if (c.Properties is not null)
        {
            json["properties"] = c.Properties.DeepClone();
        }

        if (c.Scope is { } scope)
        {
            var av = new JsonObject();
            foreach (var (k, v) in scope.ActivityVisits)
            {
                av[k] = v;
            }

            var cv = new JsonObject();
            foreach (var (k, v) in scope.ConnectionVisits)
            {
                cv[k] = v;
            }

            var cf = new JsonObject();
            foreach (var (k, v) in scope.ConnectionFollowed)
            {
                cf[k] = v;
            }

            json["flowScope"] = new JsonObject
            {
                ["start"] = scope.StartActivityId,
                ["activityVisits"] = av,
                ["connectionVisits"] = cv,
                ["connectionFollowed"] = cf,
            };
        }

        return json;
    }

    private static void ReadCounts(JsonNode? node, Dictionary<string, int> target)
    {
        if (node is not JsonObject o)
        {
            return;
        }

        foreach (var (key, value) in o)
        {
            if (value is JsonValue v && v.TryGetValue<int>(out var n))
            {
                target[key] = n;
            }
        }
    }

    private static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
