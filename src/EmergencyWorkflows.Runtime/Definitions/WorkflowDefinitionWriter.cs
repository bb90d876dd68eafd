using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Definitions;

/// <summary>
/// Writes a definition back as Elsa-3 JSON: the source as read (designer positions, metadata, custom properties,
/// unknown properties, connection vertices) with only the identity fields replaced and the API-only
/// <c>$schema</c>/<c>links</c> removed.
/// </summary>
public static class WorkflowDefinitionWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // Keeps non-ASCII text (e.g. Chinese names) readable in the file; the output is JSON, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static JsonObject Write(WorkflowDefinition definition, DefinitionIdentity? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = (JsonObject)definition.Source.DeepClone();
        json.Remove("$schema");
        json.Remove("links");
        if (overrides is null)
        {
            return json;
        }

        if (overrides.Id is not null)
        {
            json["id"] = overrides.Id;
        }

        if (overrides.DefinitionId is not null)
        {
            json["definitionId"] = overrides.DefinitionId;
        }

        if (overrides.Version is { } version)
        {
            json["version"] = version;
        }

        if (overrides.IsLatest is { } isLatest)
        {
            json["isLatest"] = isLatest;
        }

        if (overrides.IsPublished is { } isPublished)
        {
            json["isPublished"] = isPublished;
        }

        if (overrides.Name is not null)
        {
            json["name"] = overrides.Name;
        }

        return json;
    }

    /// <summary>The definition as indented JSON text; non-ASCII characters are not escaped.</summary>
    public static string WriteString(WorkflowDefinition definition, DefinitionIdentity? overrides = null) =>
        Write(definition, overrides).ToJsonString(Indented);

    /// <summary>The definition as UTF-8 bytes without a byte-order mark.</summary>
    public static byte[] WriteUtf8(WorkflowDefinition definition, DefinitionIdentity? overrides = null) =>
        Utf8NoBom.GetBytes(WriteString(definition, overrides));
}
