using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// The conversions the engine needs, in one place. Interim minimal lenient rules (§1.10); they route to the shared
/// ValueConverter once it exists so there is one conversion table.
/// </summary>
internal static class EngineConvert
{
    public static bool ToBoolean(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>() != 0,
        JsonValue v when v.TryGetValue<string>(out var s) => bool.TryParse(s.Trim(), out var b) && b,
        _ => false,
    };

    public static string? ToText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    public static TimeSpan? ToTimeSpan(JsonNode? value)
    {
        var text = ToText(value)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var ts))
        {
            return ts;
        }

        try
        {
            return System.Xml.XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static DateTimeOffset? ToDateTimeOffset(JsonNode? value)
    {
        var text = ToText(value)?.Trim();
        return !string.IsNullOrEmpty(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var dto) ? dto : null;
    }

    public static IReadOnlyList<string> ToStringList(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return [];
            case JsonArray array:
                return [.. array.Select(ToText).Where(s => s is not null).Select(s => s!)];
            case JsonValue v when v.TryGetValue<string>(out var s):
                var trimmed = s.Trim();
                if (trimmed.StartsWith('['))
                {
                    try
                    {
                        return ToStringList(JsonNode.Parse(trimmed));
                    }
                    catch (JsonException)
                    {
                        return [s];
                    }
                }

                return trimmed.Length == 0 ? [] : [s];
            default:
                return [value.ToJsonString()];
        }
    }

    /// <summary>Lenient conversion to a type alias; failures give the type's default (null), never throw.</summary>
    public static JsonNode? Convert(JsonNode? value, string? typeName)
    {
        if (value is null)
        {
            return null;
        }

        var type = SimpleName(typeName);
        var text = value is JsonValue sv && sv.TryGetValue<string>(out var str) ? str : null;
        if (type is "String")
        {
            return text is not null ? JsonValue.Create(text) : JsonValue.Create(value.ToJsonString());
        }

        if (text is not null && type is not "Object" and not "")
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var t = text.Trim();
            switch (type)
            {
                case "Boolean":
                    return bool.TryParse(t, out var b) ? JsonValue.Create(b) : null;
                case "Int16" or "Int32" or "Int64" or "Long":
                    return long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null;
                case "Single" or "Double" or "Decimal":
                    return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null;
                default:
                    if (t.StartsWith('{') || t.StartsWith('['))
                    {
                        try
                        {
                            return JsonNode.Parse(t);
                        }
                        catch (JsonException)
                        {
                            return null;
                        }
                    }

                    return value.DeepClone();
            }
        }

        if (type is "Int16" or "Int32" or "Int64" or "Long" && value is JsonValue nv && nv.GetValueKind() == JsonValueKind.Number)
        {
            return JsonValue.Create((long)Math.Truncate(nv.GetValue<double>()));
        }

        return value.DeepClone();
    }

    public static JsonNode? ParseVariableDefault(VariableDefinition variable)
    {
        if (string.IsNullOrEmpty(variable.DefaultValue))
        {
            return null;
        }

        return Convert(JsonValue.Create(variable.DefaultValue), variable.IsArray ? "Object" : variable.TypeName);
    }

    private static string SimpleName(string? typeName)
    {
        if (string.IsNullOrWhiteSpace(typeName))
        {
            return "Object";
        }

        var name = typeName.Split(',')[0].Trim().TrimEnd('?');
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }
}
