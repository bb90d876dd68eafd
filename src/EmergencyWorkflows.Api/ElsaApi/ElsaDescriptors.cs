using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;

namespace EmergencyWorkflows.Api.ElsaApi;

/// <summary>
/// Studio descriptors built from the runtime's own data: every activity in the <see cref="ActivityRegistry"/> (built-in
/// and Emergency.* alike, nothing listed by hand), the expression languages the evaluator runs, variable types and
/// storage drivers. Built once: the registry does not change while the process runs, and the Studio refetches the
/// activity list after every save.
/// </summary>
internal sealed class ElsaDescriptors(ActivityRegistry registry)
{
    private readonly Lazy<JsonObject> activities = new(() => Envelope(registry.Activities
        .OrderBy(a => a.Descriptor.Category, StringComparer.Ordinal)
        .ThenBy(a => a.Descriptor.TypeName, StringComparer.Ordinal)
        .Select(a => Activity(a.Descriptor))));

    public JsonObject Activities => (JsonObject)activities.Value.DeepClone();

    public static JsonObject Activity(ActivityDescriptor d)
    {
        var dot = d.TypeName.LastIndexOf('.');
        return new JsonObject
        {
            ["typeName"] = d.TypeName,
            ["namespace"] = dot > 0 ? d.TypeName[..dot] : string.Empty,
            ["name"] = dot > 0 ? d.TypeName[(dot + 1)..] : d.TypeName,
            ["version"] = 1,
            ["category"] = d.Category,
            ["displayName"] = d.DisplayName,
            ["description"] = d.Description,
            ["kind"] = d.Kind.ToString(),
            ["isBrowsable"] = d.IsBrowsable,
            ["isContainer"] = d.TypeName == "Elsa.Flowchart",
            ["isStart"] = d.IsStart,
            ["isTerminal"] = d.IsTerminal,
            ["runAsynchronously"] = false,
            ["inputs"] = new JsonArray(d.Inputs.Select((input, order) => (JsonNode)Input(input, order)).ToArray()),
            ["outputs"] = new JsonArray(d.Outputs.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = Pascal(o.Name),
                ["typeName"] = o.TypeName,
                ["displayName"] = Humanize(Pascal(o.Name)),
                ["description"] = null,
                ["isBrowsable"] = true,
            }).ToArray()),
            ["ports"] = new JsonArray((d.IsTerminal ? [] : d.Outcomes).Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p,
                ["displayName"] = p,
                ["type"] = "Flow",
                ["isBrowsable"] = true,
            }).ToArray()),
            ["customProperties"] = new JsonObject(),
            ["constructionProperties"] = new JsonObject(),
        };
    }

    public static JsonObject Expressions() => Envelope(
    [
        Expression("Literal", "Literal", null),
        Expression("Object", "Object", "json"),
        Expression("JavaScript", "JavaScript", "javascript"),
        Expression("Liquid", "Liquid", "liquid"),
        Expression("Variable", "Variable", null),
    ]);

    public static JsonObject VariableTypes() => new()
    {
        ["items"] = new JsonArray(new (string Type, string Category)[]
        {
            ("String", "Primitives"), ("Boolean", "Primitives"), ("Int32", "Primitives"), ("Int64", "Primitives"),
            ("Double", "Primitives"), ("Decimal", "Primitives"), ("DateTime", "Primitives"), ("DateTimeOffset", "Primitives"),
            ("TimeSpan", "Primitives"), ("Guid", "Primitives"), ("Object", "Dynamic"), ("JsonObject", "Dynamic"),
            ("ObjectDictionary", "Dictionaries"), ("StringDictionary", "Dictionaries"),
        }.Select(t => (JsonNode)new JsonObject
        {
            ["typeName"] = t.Type,
            ["displayName"] = t.Type,
            ["category"] = t.Category,
            ["description"] = null,
        }).ToArray()),
    };

    /// <summary>Both drivers keep the value with the instance in our store (variables always survive a suspension).</summary>
    public static JsonObject StorageDrivers() => new()
    {
        ["items"] = new JsonArray(
            new JsonObject
            {
                ["typeName"] = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
                ["displayName"] = "Workflow Instance",
                ["priority"] = 100,
                ["deprecated"] = false,
            },
            new JsonObject
            {
                ["typeName"] = "Elsa.Workflows.MemoryStorageDriver, Elsa.Workflows.Core",
                ["displayName"] = "Memory",
                ["priority"] = -1,
                ["deprecated"] = false,
            }),
    };

    public static JsonObject Strategies(params (string TypeName, string DisplayName, string Description)[] items) =>
        Envelope(items.Select(i => new JsonObject
        {
            ["typeName"] = i.TypeName,
            ["displayName"] = i.DisplayName,
            ["description"] = i.Description,
        }));

    public static JsonObject Envelope(IEnumerable<JsonObject> items)
    {
        var array = new JsonArray(items.Select(i => (JsonNode)i).ToArray());
        return new JsonObject { ["items"] = array, ["count"] = array.Count };
    }

    private static JsonObject Input(ActivityInputDescriptor input, int order)
    {
        var name = Pascal(input.Name);
        var hint = input.UiHint ?? (input.TypeName == "Boolean" ? "checkbox" : "singleline");
        return new JsonObject
        {
            ["name"] = name,
            ["typeName"] = input.TypeName,
            ["displayName"] = input.DisplayName ?? Humanize(name),
            ["description"] = input.Description,
            ["order"] = order,
            ["isBrowsable"] = true,
            ["isWrapped"] = input.IsWrapped,
            ["uiHint"] = hint,
            ["defaultSyntax"] = "Literal",
            ["isReadOnly"] = false,
            ["isSensitive"] = false,
            ["category"] = null,
            ["defaultValue"] = input.DefaultValue?.DeepClone(),
            ["storageDriverType"] = null,
            ["uiSpecifications"] = hint == "dropdown" ? Dropdown(input.Options ?? []) : null,
        };
    }

    private static JsonObject Dropdown(IReadOnlyList<string> options) => new()
    {
        ["dropdown"] = new JsonObject
        {
            ["selectList"] = new JsonObject
            {
                ["items"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["text"] = Humanize(o), ["value"] = o }).ToArray()),
                ["isFlagsEnum"] = false,
            },
        },
    };

    private static JsonObject Expression(string type, string displayName, string? monacoLanguage) => new()
    {
        ["type"] = type,
        ["displayName"] = displayName,
        ["isSerializable"] = true,
        ["isBrowsable"] = true,
        ["properties"] = monacoLanguage is null ? new JsonObject() : new JsonObject { ["MonacoLanguage"] = monacoLanguage },
    };

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>"WaitAllActive" → "Wait All Active"; a value with spaces or other scripts stays as it is.</summary>
    private static string Humanize(string name)
    {
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                chars.Add(' ');
            }

            chars.Add(name[i]);
        }

        return new string([.. chars]);
    }
}
