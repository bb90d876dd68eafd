using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>The conversions the engine needs, routed to the shared <see cref="ValueConverter"/> (one conversion table, §1.10).</summary>
internal static class EngineConvert
{
    public static bool ToBoolean(JsonNode? value) => ValueConverter.ToBoolean(value);

    public static string? ToText(JsonNode? value) => ValueConverter.ToText(value);

    public static TimeSpan? ToTimeSpan(JsonNode? value) => ValueConverter.ToTimeSpan(value);

    public static DateTimeOffset? ToDateTimeOffset(JsonNode? value) => ValueConverter.ToDateTimeOffset(value);

    public static IReadOnlyList<string> ToStringList(JsonNode? value) => ValueConverter.ToStringList(value);

    public static JsonNode? Convert(JsonNode? value, string? typeName)
    {
        // Fast paths for the two commonest targets, with the same result ValueConverter gives (a detached node).
        if (value is { Parent: null } && (typeName == "Object"
            || (typeName == "String" && value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)))
        {
            return value;
        }

        return ValueConverter.Convert(value, typeName);
    }

    public static JsonNode? ParseVariableDefault(VariableDefinition variable) => ValueConverter.ParseVariableDefault(variable);
}
