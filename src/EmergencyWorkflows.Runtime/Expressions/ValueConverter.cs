using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Expressions;

/// <summary>
/// Elsa's lenient (non-strict) conversion of values to a declared type (elsa-format.md §1.10), on JSON nodes:
/// strings such as "True", "1.5", "00:05:00", "{..}" and "[..]" convert; an empty string is null for non-string
/// targets; a failed conversion yields the type's default and never throws. Unknown or stale type names are Object.
/// </summary>
public static class ValueConverter
{
    private enum Kind
    {
        Object,
        String,
        Boolean,
        Int16,
        Int32,
        Int64,
        Single,
        Double,
        Decimal,
        Guid,
        DateTime,
        DateTimeOffset,
        TimeSpan,
        Dictionary,
        StringDictionary,
        AnyJson,
    }

    private sealed record TargetType(Kind Kind, bool Nullable, TargetType? Element)
    {
        public bool IsArray => Element is not null;
    }

    public static JsonNode? Convert(JsonNode? value, string? typeName) => Convert(value, Resolve(typeName));

    public static bool ToBoolean(JsonNode? value) =>
        Convert(value, new TargetType(Kind.Boolean, false, null)) is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>A string as it is; any other value as its JSON text; null stays null.</summary>
    public static string? ToText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    /// <summary>"00:00:05", "1.02:00:00" or ISO-8601 "PT5M"; numbers and anything else → null.</summary>
    public static TimeSpan? ToTimeSpan(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? ParseTimeSpan(s) : null;

    public static DateTimeOffset? ToDateTimeOffset(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? ParseDateTimeOffset(s) : null;

    public static int? ToInt32(JsonNode? value) => value switch
    {
        JsonValue v when TryGetDouble(v, out var d) => IntegerInRange(d, int.MinValue, int.MaxValue) is { } l ? (int)l : null,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s.Trim(), NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    /// <summary>A JSON array, a JSON array inside a string, or one string (one element). Null items are dropped.</summary>
    public static IReadOnlyList<string> ToStringList(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return [];
            case JsonArray array:
                return array.Select(ToText).OfType<string>().ToList();
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (string.IsNullOrWhiteSpace(s))
                {
                    return [];
                }

                return s.TrimStart().StartsWith('[') && TryParse(s) is JsonArray parsed ? ToStringList(parsed) : [s];
            default:
                return ToText(value) is { } text ? [text] : [];
        }
    }

    /// <summary>The string default of a variable converted to its type; "" or null → null; isArray → array.</summary>
    public static JsonNode? ParseVariableDefault(VariableDefinition variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (string.IsNullOrEmpty(variable.DefaultValue))
        {
            return null;
        }

        var target = Resolve(variable.TypeName);
        if (variable.IsArray && !target.IsArray)
        {
            target = new TargetType(Kind.Object, true, target);
        }

        return Convert(JsonValue.Create(variable.DefaultValue), target);
    }

    private static JsonNode? Convert(JsonNode? value, TargetType target)
    {
        if (value is null)
        {
            return null;
        }

        if (target.IsArray)
        {
            return ConvertArray(value, target);
        }

        if (target.Kind == Kind.Object)
        {
            return value.DeepClone();
        }

        if (target.Kind == Kind.String)
        {
            return JsonValue.Create(AsString(value));
        }

        if (value is JsonValue str && str.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        return ConvertScalar(value, target.Kind) ?? Default(target);
    }

    private static JsonArray? ConvertArray(JsonNode value, TargetType target)
    {
        var element = target.Element!;
        JsonNode? source = value;
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            if (string.IsNullOrWhiteSpace(s))
            {
                return null;
            }

            if (s.TrimStart().StartsWith('['))
            {
                source = TryParse(s);
                if (source is null)
                {
                    return null;
                }
            }
        }

        if (source is JsonArray array)
        {
            return new JsonArray(array.Select(item => Convert(item, element)).ToArray());
        }

        // A single value for a collection target becomes a one-element collection (Elsa: string → IEnumerable<string>).
        return source is JsonObject && element.Kind is not (Kind.Object or Kind.Dictionary or Kind.StringDictionary or Kind.AnyJson)
            ? null
            : new JsonArray(Convert(source, element));
    }

    private static string AsString(JsonNode value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        _ => value.ToJsonString(),
    };

    private static JsonNode? ConvertScalar(JsonNode value, Kind kind)
    {
        var text = value is JsonValue sv && sv.TryGetValue<string>(out var s) ? s.Trim() : null;
        var isNumber = value is JsonValue nv && TryGetDouble(nv, out _);
        var number = value is JsonValue dv && TryGetDouble(dv, out var d) ? d : (double?)null;
        var boolean = value is JsonValue bv && bv.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? bv.GetValue<bool>()
            : (bool?)null;

        switch (kind)
        {
            case Kind.Boolean:
                if (boolean is not null)
                {
                    return JsonValue.Create(boolean.Value);
                }

                if (number is not null)
                {
                    return JsonValue.Create(number.Value != 0);
                }

                return text is not null && bool.TryParse(text, out var b) ? JsonValue.Create(b) : null;

            case Kind.Int16:
                return Integer(value, text, number, boolean, short.MinValue, short.MaxValue);
            case Kind.Int32:
                return Integer(value, text, number, boolean, int.MinValue, int.MaxValue);
            case Kind.Int64:
                return Integer(value, text, number, boolean, long.MinValue, long.MaxValue);

            case Kind.Single:
            case Kind.Double:
                if (number is not null)
                {
                    return JsonValue.Create(number.Value);
                }

                if (boolean is not null)
                {
                    return JsonValue.Create(boolean.Value ? 1d : 0d);
                }

                return text is not null && double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands,
                    CultureInfo.InvariantCulture, out var dbl) && double.IsFinite(dbl) ? JsonValue.Create(dbl) : null;

            case Kind.Decimal:
                if (isNumber && value is JsonValue decValue && decValue.TryGetValue<decimal>(out var dec))
                {
                    return JsonValue.Create(dec);
                }

                if (number is not null)
                {
                    return number.Value is > (double)decimal.MaxValue or < (double)decimal.MinValue
                        ? null
                        : JsonValue.Create((decimal)number.Value);
                }

                if (boolean is not null)
                {
                    return JsonValue.Create(boolean.Value ? 1m : 0m);
                }

                return text is not null && decimal.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands,
                    CultureInfo.InvariantCulture, out var m) ? JsonValue.Create(m) : null;

            case Kind.Guid:
                return text is not null && Guid.TryParse(text, out var g) ? JsonValue.Create(g.ToString()) : null;

            case Kind.DateTime:
                return text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.RoundtripKind, out var dt)
                    ? JsonValue.Create(dt.ToString("O", CultureInfo.InvariantCulture))
                    : null;

            case Kind.DateTimeOffset:
                return text is not null && ParseDateTimeOffset(text) is { } dto
                    ? JsonValue.Create(dto.ToString("O", CultureInfo.InvariantCulture))
                    : null;

            case Kind.TimeSpan:
                return text is not null && ParseTimeSpan(text) is { } ts
                    ? JsonValue.Create(ts.ToString("c", CultureInfo.InvariantCulture))
                    : null;

            case Kind.Dictionary:
            case Kind.StringDictionary:
                var obj = value as JsonObject
                          ?? (text is not null && text.StartsWith('{') ? TryParse(text) as JsonObject : null);
                if (obj is null)
                {
                    return null;
                }

                return kind == Kind.Dictionary
                    ? obj.DeepClone()
                    : new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key,
                        p.Value is null ? null : (JsonNode?)JsonValue.Create(AsString(p.Value)))));

            case Kind.AnyJson:
                return text is not null && (text.StartsWith('{') || text.StartsWith('['))
                    ? TryParse(text) ?? value.DeepClone()
                    : value.DeepClone();

            default:
                return value.DeepClone();
        }
    }

    private static JsonValue? Integer(JsonNode value, string? text, double? number, bool? boolean, long min, long max)
    {
        if (value is JsonValue lv && lv.TryGetValue<long>(out var exact))
        {
            return exact >= min && exact <= max ? JsonValue.Create(exact) : null;
        }

        if (number is not null)
        {
            // Convert.ChangeType rounds a fractional number half to even.
            var rounded = IntegerInRange(Math.Round(number.Value, MidpointRounding.ToEven), min, max);
            return rounded is null ? null : JsonValue.Create(rounded.Value);
        }

        if (boolean is not null)
        {
            return JsonValue.Create(boolean.Value ? 1L : 0L);
        }

        return text is not null && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
               && l >= min && l <= max
            ? JsonValue.Create(l)
            : null;
    }

    // 2^63 is the first double above long.MaxValue; casting it would wrap.
    private static long? IntegerInRange(double d, long min, long max) =>
        Math.Floor(d) == d && d >= min && d <= max && d < 9223372036854775808d ? (long)d : null;

    private static bool TryGetDouble(JsonValue value, out double d)
    {
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return value.TryGetValue(out d) || (value.TryGetValue<decimal>(out var m) && (d = (double)m) == d)
                   || double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d);
        }

        d = 0;
        return false;
    }

    private static JsonValue? Default(TargetType target)
    {
        if (target.Nullable)
        {
            return null;
        }

        return target.Kind switch
        {
            Kind.Boolean => JsonValue.Create(false),
            Kind.Int16 or Kind.Int32 or Kind.Int64 => JsonValue.Create(0L),
            Kind.Single or Kind.Double => JsonValue.Create(0d),
            Kind.Decimal => JsonValue.Create(0m),
            Kind.Guid => JsonValue.Create(Guid.Empty.ToString()),
            Kind.DateTime => JsonValue.Create(default(DateTime).ToString("O", CultureInfo.InvariantCulture)),
            Kind.DateTimeOffset => JsonValue.Create(default(DateTimeOffset).ToString("O", CultureInfo.InvariantCulture)),
            Kind.TimeSpan => JsonValue.Create(TimeSpan.Zero.ToString("c", CultureInfo.InvariantCulture)),
            _ => null,
        };
    }

    private static TimeSpan? ParseTimeSpan(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var ts))
        {
            return ts;
        }

        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                return XmlConvert.ToTimeSpan(text);
            }
            catch (FormatException)
            {
                return null;
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return null;
    }

    private static DateTimeOffset? ParseDateTimeOffset(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)
            ? dto
            : null;

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Resolves an alias (<c>Int32</c>, <c>String[]</c>, <c>List&lt;Guid&gt;</c>, <c>Boolean?</c>) or a .NET name, stale
    /// or assembly-qualified (<c>System.Int32, System.Private.CoreLib</c>). Anything unknown is Object.
    /// </summary>
    private static TargetType Resolve(string? typeName)
    {
        var name = StripAssembly(typeName?.Trim() ?? string.Empty);
        if (name.Length == 0)
        {
            return new TargetType(Kind.Object, true, null);
        }

        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            return new TargetType(Kind.Object, true, Resolve(name[..^2]));
        }

        var generic = GenericArgument(name);
        if (generic is not null)
        {
            var (outer, argument) = generic.Value;
            var simpleOuter = SimpleName(outer);
            if (simpleOuter is "Nullable")
            {
                return Resolve(argument) with { Nullable = true };
            }

            if (simpleOuter is "List" or "IList" or "IEnumerable" or "ICollection" or "IReadOnlyList"
                or "IReadOnlyCollection" or "HashSet" or "ISet" or "Collection")
            {
                return new TargetType(Kind.Object, true, Resolve(argument));
            }

            if (simpleOuter is "Dictionary" or "IDictionary" or "IReadOnlyDictionary")
            {
                return new TargetType(Kind.Dictionary, true, null);
            }

            return new TargetType(Kind.Object, true, null);
        }

        var nullable = name.EndsWith('?');
        if (nullable)
        {
            name = name[..^1];
        }

        var kind = SimpleName(name).ToUpperInvariant() switch
        {
            "STRING" => Kind.String,
            "BOOLEAN" or "BOOL" => Kind.Boolean,
            "INT16" or "SHORT" => Kind.Int16,
            "INT32" or "INT" => Kind.Int32,
            "INT64" or "LONG" => Kind.Int64,
            "SINGLE" or "FLOAT" => Kind.Single,
            "DOUBLE" => Kind.Double,
            "DECIMAL" => Kind.Decimal,
            "GUID" => Kind.Guid,
            "DATETIME" => Kind.DateTime,
            "DATETIMEOFFSET" => Kind.DateTimeOffset,
            "TIMESPAN" => Kind.TimeSpan,
            "JSON" or "EXPANDOOBJECT" or "OBJECTDICTIONARY" or "JSONOBJECT" or "OBJECTMAP" => Kind.Dictionary,
            "STRINGDICTIONARY" or "STRINGMAP" => Kind.StringDictionary,
            "JSONNODE" or "JSONELEMENT" or "JSONARRAY" => Kind.AnyJson,
            _ => Kind.Object,
        };
        var referenceLike = kind is Kind.Object or Kind.String or Kind.Dictionary or Kind.StringDictionary or Kind.AnyJson;
        return new TargetType(kind, nullable || referenceLike, null);
    }

    /// <summary><c>List&lt;X&gt;</c> or the CLR form <c>List`1[[X, Asm]]</c> → (List, X); null when not generic.</summary>
    private static (string Outer, string Argument)? GenericArgument(string name)
    {
        var angle = name.IndexOf('<', StringComparison.Ordinal);
        if (angle > 0 && name.EndsWith('>'))
        {
            return (name[..angle], name[(angle + 1)..^1]);
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        if (tick > 0 && bracket > tick && name.EndsWith(']'))
        {
            var inner = name[(bracket + 1)..^1].Trim();
            if (inner.StartsWith('[') && inner.EndsWith(']'))
            {
                inner = inner[1..^1];
            }

            return (name[..tick], StripAssembly(inner));
        }

        return null;
    }

    /// <summary>Drops the <c>, Assembly, Version=…</c> tail that sits outside any generic brackets.</summary>
    private static string StripAssembly(string name)
    {
        var depth = 0;
        for (var i = 0; i < name.Length; i++)
        {
            switch (name[i])
            {
                case '[' or '<':
                    depth++;
                    break;
                case ']' or '>':
                    depth--;
                    break;
                case ',' when depth == 0:
                    return name[..i].Trim();
            }
        }

        return name.Trim();
    }

    private static string SimpleName(string name)
    {
        var dot = name.LastIndexOf('.');
        var simple = dot >= 0 ? name[(dot + 1)..] : name;
        var plus = simple.LastIndexOf('+');
        return plus >= 0 ? simple[(plus + 1)..] : simple;
    }
}
