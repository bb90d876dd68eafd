using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// A structured activity input (a JSON object or array) as the designer may store it: either the JSON itself or the
/// JSON as text (a string input). Blank text is no value.
/// </summary>
internal static class JsonInput
{
    public static JsonNode? Structured(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)
            : node;
}
