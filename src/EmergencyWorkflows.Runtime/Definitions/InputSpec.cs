using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Definitions;

public enum InputPresence
{
    /// <summary>The property is not in the JSON: the activity's default applies.</summary>
    Absent,

    /// <summary>The property is JSON null, or a wrapped object Elsa reads as "no input": the type's default applies.</summary>
    Null,

    /// <summary>The property holds an expression (wrapped) or a raw value (read as a Literal).</summary>
    Set,
}

/// <summary>An expression as stored: <c>{ "type": T, "value": V }</c>.</summary>
public sealed record ExpressionSpec(string Type, JsonNode? Value)
{
    public static ExpressionSpec Literal(JsonNode? value) => new("Literal", value);
}

/// <summary>An input property read from an activity node (§1.5).</summary>
public readonly record struct InputSpec(InputPresence Presence, ExpressionSpec? Expression, string? TypeName)
{
    public bool IsSet => Presence == InputPresence.Set;

    /// <summary>
    /// The value when the definition fixes it: a Literal's value, or an Object expression's JSON (parsed when it is
    /// text). False when the input is absent or null, computed at run time (Variable, Input, JavaScript, Liquid), or an
    /// Object whose text is not JSON (the expression check reports that one).
    /// </summary>
    public bool TryGetFixedValue(out JsonNode? value)
    {
        value = null;
        if (!IsSet || Expression is not { } expression)
        {
            return false;
        }

        var type = expression.Type.Trim();
        if (string.Equals(type, "Literal", StringComparison.OrdinalIgnoreCase))
        {
            value = expression.Value?.DeepClone();
            return true;
        }

        if (!string.Equals(type, "Object", StringComparison.OrdinalIgnoreCase) && !string.Equals(type, "Json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (expression.Value is not JsonValue text || !text.TryGetValue<string>(out var json))
        {
            value = expression.Value?.DeepClone();
            return true;
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            return true;
        }

        try
        {
            value = JsonNode.Parse(json);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public static InputSpec Read(JsonObject node, string jsonName)
    {
        if (!node.TryGetPropertyValue(jsonName, out var raw))
        {
            return new InputSpec(InputPresence.Absent, null, null);
        }

        if (raw is null)
        {
            return new InputSpec(InputPresence.Null, null, null);
        }

        if (raw is JsonObject wrapped && (wrapped.ContainsKey("typeName") || wrapped.ContainsKey("expression")))
        {
            // Elsa requires typeName to exist and expression.type to be present; otherwise the input is "not set".
            if (!wrapped.ContainsKey("typeName") || wrapped["expression"] is not JsonObject expr
                || expr["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type)
                || string.IsNullOrEmpty(type))
            {
                return new InputSpec(InputPresence.Null, null, wrapped["typeName"]?.ToString());
            }

            return new InputSpec(InputPresence.Set, new ExpressionSpec(type, expr["value"]?.DeepClone()),
                wrapped["typeName"]?.ToString());
        }

        // A raw JSON value (string, number, bool, array or unwrapped object) is a Literal of that value.
        return new InputSpec(InputPresence.Set, ExpressionSpec.Literal(raw.DeepClone()), null);
    }
}
