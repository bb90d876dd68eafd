using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyWorkflows.Persistence;

/// <summary>
/// The one serializer setting for stored JSON: camelCase names, enums as strings. Property matching stays
/// case-sensitive on purpose: a case-insensitive setting would also make deserialized JsonObjects
/// case-insensitive, and user payloads may hold both "name" and "Name".
/// </summary>
internal static class PersistenceJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
