using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Api.ElsaApi;

/// <summary>
/// The JSON shapes Elsa Studio reads: a workflow definition with every field it expects, a list summary, and the
/// HATEOAS links without which the Studio turns read-only (<c>publish</c> on definitions, <c>bulk-publish</c> on
/// lists). The stored JSON is the definition as saved; the flags (latest, published) come from the store.
/// </summary>
internal static class ElsaDefinitionShapes
{
    public const string ToolVersion = "3.8.0.0";

    /// <summary>Fields that say which version a JSON is, not what it does: ignored when comparing content.</summary>
    private static readonly string[] IdentityFields =
        ["$schema", "id", "definitionId", "version", "isLatest", "isPublished", "createdAt", "links", "tenantId"];

    public static JsonObject Definition(StoredDefinition stored)
    {
        var source = ParseObject(stored.Json);
        var result = new JsonObject
        {
            ["id"] = stored.VersionId,
            ["definitionId"] = stored.DefinitionId,
            ["name"] = stored.Name ?? Text(source, "name") ?? stored.DefinitionId,
            ["description"] = Text(source, "description"),
            ["createdAt"] = Date(stored.CreatedAt),
            ["version"] = stored.Version,
            ["toolVersion"] = Text(source, "toolVersion") ?? ToolVersion,
            ["variables"] = CloneOr(source, "variables", new JsonArray()),
            ["inputs"] = CloneOr(source, "inputs", new JsonArray()),
            ["outputs"] = CloneOr(source, "outputs", new JsonArray()),
            ["outcomes"] = CloneOr(source, "outcomes", new JsonArray()),
            ["customProperties"] = CloneOr(source, "customProperties", new JsonObject()),
            ["isReadonly"] = false,
            ["isSystem"] = false,
            ["isLatest"] = stored.IsLatest,
            ["isPublished"] = stored.IsPublished,
            ["materializerName"] = "Json",
            ["providerName"] = null,
            ["options"] = CloneOr(source, "options", new JsonObject { ["autoUpdateConsumingWorkflows"] = false }),
            ["root"] = NormalizeRoot(source["root"] as JsonObject),
            ["links"] = DefinitionLinks(stored.DefinitionId),
        };
        return result;
    }

    public static JsonObject Summary(StoredDefinition stored)
    {
        var source = ParseObject(stored.Json);
        return new JsonObject
        {
            ["id"] = stored.VersionId,
            ["definitionId"] = stored.DefinitionId,
            ["name"] = stored.Name ?? Text(source, "name") ?? stored.DefinitionId,
            ["description"] = Text(source, "description"),
            ["version"] = stored.Version,
            ["toolVersion"] = Text(source, "toolVersion") ?? ToolVersion,
            ["isLatest"] = stored.IsLatest,
            ["isPublished"] = stored.IsPublished,
            ["isReadonly"] = false,
            ["isSystem"] = false,
            ["materializerName"] = "Json",
            ["isMaterializerAvailable"] = true,
            ["providerName"] = null,
            ["createdAt"] = Date(stored.CreatedAt),
            ["links"] = DefinitionLinks(stored.DefinitionId),
        };
    }

    /// <summary>The definition as a file: no links, identity kept, so it can be imported or seeded again.</summary>
    public static JsonObject Export(StoredDefinition stored)
    {
        var definition = Definition(stored);
        definition.Remove("links");
        var export = new JsonObject { ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json" };
        foreach (var (key, value) in definition)
        {
            export[key] = value?.DeepClone();
        }

        return export;
    }

    public static JsonArray DefinitionLinks(string definitionId)
    {
        var path = $"/workflow-definitions/{Uri.EscapeDataString(definitionId)}";
        return
        [
            Link($"/workflow-definitions/by-definition-id/{Uri.EscapeDataString(definitionId)}", "self", "GET"),
            Link($"{path}/publish", "publish", "POST"),
            Link($"{path}/retract", "retract", "POST"),
            Link(path, "delete", "DELETE"),
        ];
    }

    public static JsonArray ListLinks() =>
    [
        Link("/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST"),
        Link("/bulk-actions/retract/workflow-definitions/by-definition-ids", "bulk-retract", "POST"),
        Link("/bulk-actions/delete/workflow-definitions/by-definition-id", "bulk-delete", "POST"),
    ];

    /// <summary>
    /// Fills in what the Studio's node map needs (Studio "Create workflow" posts a bare root): a root flowchart,
    /// every missing <c>nodeId</c> (<c>Workflow1:rootId</c>, then <c>parent:id</c>), empty <c>activities</c> and
    /// <c>connections</c> on flowcharts, empty <c>metadata</c> and <c>customProperties</c>. Works on a copy.
    /// </summary>
    public static JsonObject NormalizeRoot(JsonObject? root)
    {
        var copy = root?.DeepClone() as JsonObject ?? new JsonObject
        {
            ["id"] = NewId(),
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["name"] = "Flowchart1",
        };
        Normalize(copy, parentNodeId: null);
        return copy;
    }

    /// <summary>
    /// True when two definition texts say the same thing, whatever version, id, flags or defaulted fields they carry
    /// (a file exported from the store and the stored version it came from are the same content).
    /// </summary>
    public static bool SameContent(string a, string b) => JsonNode.DeepEquals(Content(a), Content(b));

    public static JsonObject ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = WorkflowDefinitionReader.MaxDepth,
            }) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string NewId() => Guid.NewGuid().ToString("N")[..16];

    public static string? Text(JsonObject source, string key) =>
        source[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Content(string json)
    {
        var shaped = Definition(new StoredDefinition { VersionId = string.Empty, DefinitionId = string.Empty, Version = 0, Json = json });
        foreach (var field in IdentityFields)
        {
            shaped.Remove(field);
        }

        return shaped;
    }

    private static void Normalize(JsonObject node, string? parentNodeId)
    {
        var id = Text(node, "id");
        if (string.IsNullOrEmpty(id))
        {
            id = NewId();
            node["id"] = id;
        }

        var nodeId = Text(node, "nodeId");
        if (string.IsNullOrEmpty(nodeId))
        {
            nodeId = parentNodeId is null ? $"Workflow1:{id}" : $"{parentNodeId}:{id}";
            node["nodeId"] = nodeId;
        }

        if (node["metadata"] is not JsonObject)
        {
            node["metadata"] = new JsonObject();
        }

        if (node["customProperties"] is not JsonObject)
        {
            node["customProperties"] = new JsonObject();
        }

        var isFlowchart = Text(node, "type") == "Elsa.Flowchart";
        if (isFlowchart)
        {
            if (node["activities"] is not JsonArray)
            {
                node["activities"] = new JsonArray();
            }

            if (node["connections"] is not JsonArray)
            {
                node["connections"] = new JsonArray();
            }
        }

        foreach (var (key, value) in node.ToList())
        {
            if (key is "metadata" or "customProperties" || value is null)
            {
                continue;
            }

            if (value is JsonObject child && IsActivity(child))
            {
                Normalize(child, nodeId);
            }
            else if (value is JsonArray array && key is "activities" or "branches")
            {
                foreach (var item in array.OfType<JsonObject>().Where(IsActivity))
                {
                    Normalize(item, nodeId);
                }
            }
        }
    }

    private static bool IsActivity(JsonObject node) =>
        node["type"] is JsonValue type && type.TryGetValue<string>(out _) && node.ContainsKey("id");

    private static JsonNode CloneOr(JsonObject source, string key, JsonNode fallback) => source[key]?.DeepClone() ?? fallback;

    private static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private static JsonObject Link(string href, string rel, string method) =>
        new() { ["href"] = href, ["rel"] = rel, ["method"] = method };
}
