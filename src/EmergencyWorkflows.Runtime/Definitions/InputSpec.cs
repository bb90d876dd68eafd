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
