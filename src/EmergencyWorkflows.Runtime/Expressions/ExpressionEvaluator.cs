using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Expressions;

/// <summary>
/// The expression types of elsa-format.md §1.10: Literal, Object/Json, Variable, Input, JavaScript (Jint) and Liquid
/// (Fluid). CSharp, Python and anything else are refused with a clear message. Thread-safe; share one instance.
/// </summary>
public sealed class ExpressionEvaluator : IExpressionEvaluator
{
    private readonly JavaScriptEvaluator _javaScript;
    private readonly LiquidEvaluator _liquid;

    public ExpressionEvaluator()
        : this(new ExpressionEvaluatorOptions())
    {
    }

    public ExpressionEvaluator(ExpressionEvaluatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _javaScript = new JavaScriptEvaluator(options);
        _liquid = new LiquidEvaluator(options);
    }

    public bool Supports(string expressionType) => Normalize(expressionType) is not null;

    public JsonNode? Evaluate(ExpressionSpec expression, IExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(context);
        return Normalize(expression.Type) switch
        {
            "Literal" => expression.Value?.DeepClone(),
            "Object" => ParseObject(expression.Value),
            "Variable" => ReadVariable(expression.Value, context),
            "Input" => ReadInput(expression.Value, context),
            "JavaScript" => _javaScript.Evaluate(ScriptText(expression.Value), context),
            "Liquid" => _liquid.Evaluate(ScriptText(expression.Value), context),
            _ => throw new ExpressionException(UnsupportedMessage(expression.Type)),
        };
    }

    public string? Check(ExpressionSpec expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        switch (Normalize(expression.Type))
        {
            case null:
                return UnsupportedMessage(expression.Type);
            case "Object":
                if (expression.Value is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
                {
                    try
                    {
                        JsonNode.Parse(text);
                    }
                    catch (JsonException ex)
                    {
                        return $"The Object expression is not valid JSON: {ex.Message}";
                    }
                }

                return null;
            case "JavaScript":
                return _javaScript.Check(ScriptText(expression.Value));
            case "Liquid":
                return _liquid.Check(ScriptText(expression.Value));
            default:
                return null;
        }
    }

    /// <summary>Canonical name of a supported expression type (case-insensitive), or null when unsupported.</summary>
    private static string? Normalize(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        "LITERAL" => "Literal",
        "OBJECT" or "JSON" => "Object",
        "VARIABLE" => "Variable",
        "INPUT" => "Input",
        "JAVASCRIPT" => "JavaScript",
        "LIQUID" => "Liquid",
        _ => null,
    };

    private static string UnsupportedMessage(string? type) =>
        $"Expression type '{type}' is not supported by this runtime (supported: Literal, Object, Json, Variable, Input, JavaScript, Liquid).";

    private static string ScriptText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };

    private static JsonNode? ParseObject(JsonNode? value)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return value?.DeepClone();
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new ExpressionException($"The Object expression is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>A variable reference is a JSON string (what Studio sends) or an object (what the server writes back).</summary>
    private static JsonNode? ReadVariable(JsonNode? value, IExpressionContext context)
    {
        var reference = AsReference(value);
        var id = reference is null ? null : ReferenceString(reference, "id");
        var name = reference is null ? PlainName(value) : ReferenceString(reference, "name");
        if (id is null && name is null)
        {
            throw new ExpressionException("The Variable expression names no variable (expected {\"id\":..,\"name\":..}).");
        }

        var byId = id is null ? null : context.GetVariableById(id);
        return (byId ?? (name is null ? null : context.GetVariable(name)))?.DeepClone();
    }

    private static JsonNode? ReadInput(JsonNode? value, IExpressionContext context)
    {
        var reference = AsReference(value);
        var name = reference is null ? PlainName(value) : ReferenceString(reference, "name");
        return name is null
            ? throw new ExpressionException("The Input expression names no input (expected {\"name\":..}).")
            : context.GetInput(name)?.DeepClone();
    }

    private static JsonObject? AsReference(JsonNode? value)
    {
        if (value is JsonObject o)
        {
            return o;
        }

        if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.TrimStart().StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException ex)
            {
                throw new ExpressionException($"The reference is not valid JSON: {ex.Message}", ex);
            }
        }

        return null;
    }

    /// <summary>A bare string that is not JSON is taken as the name itself.</summary>
    private static string? PlainName(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static string? ReferenceString(JsonObject o, string name)
    {
        var node = o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
    }
}
