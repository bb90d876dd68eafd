using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;

namespace EmergencyWorkflows.Runtime.Expressions;

/// <summary>
/// Liquid expressions on Fluid (elsa-format.md §6.2): members <c>Variables</c>, <c>Input</c> and the identity fields,
/// JSON navigable, no HTML encoding, extra filters <c>base64</c> and <c>keys</c>. Like Elsa, a template that does not
/// parse renders its error text; <see cref="Check"/> reports it.
/// </summary>
internal sealed class LiquidEvaluator
{
    private static readonly FluidParser Parser = LiquidTemplate.Parser;
    private readonly ConcurrentDictionary<string, (IFluidTemplate? Template, string? Error)> _templates = new(StringComparer.Ordinal);
    private readonly ExpressionEvaluatorOptions _options;
    private readonly TemplateOptions _templateOptions;

    public LiquidEvaluator(ExpressionEvaluatorOptions options)
    {
        _options = options;
        _templateOptions = LiquidTemplate.CreateOptions(options);
    }

    public string? Check(string template) => Parse(template).Error is { } error
        ? $"Liquid syntax error: {error}"
        : null;

    public JsonNode? Evaluate(string text, IExpressionContext context)
    {
        var (template, error) = Parse(text);
        if (template is null)
        {
            return JsonValue.Create($"Liquid syntax error: {error}");
        }

        var templateContext = new TemplateContext(_templateOptions) { Now = () => context.Now };
        templateContext.SetValue("Variables", new DictionaryValue(new VariablesIndexable(context)));
        templateContext.SetValue("Input", new DictionaryValue(new InputIndexable(context.Input)));
        templateContext.SetValue("CorrelationId", Str(context.CorrelationId));
        templateContext.SetValue("WorkflowDefinitionId", Str(context.WorkflowDefinitionId));
        templateContext.SetValue("WorkflowDefinitionVersionId", Str(context.WorkflowDefinitionVersionId));
        templateContext.SetValue("WorkflowDefinitionVersion", NumberValue.Create(context.WorkflowDefinitionVersion));
        templateContext.SetValue("WorkflowInstanceId", Str(context.WorkflowInstanceId));
        templateContext.SetValue("WorkflowInstanceName", Str(context.WorkflowInstanceName));
        try
        {
            return JsonValue.Create(template.Render(templateContext, NullEncoder.Default));
        }
        catch (InvalidOperationException ex)
        {
            throw new ExpressionException($"Liquid error: {ex.Message}", ex);
        }
    }

    private (IFluidTemplate? Template, string? Error) Parse(string text)
    {
        if (_templates.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var parsed = Parser.TryParse(text, out var template, out var error) ? (template, (string?)null) : (null, error);
        if (_templates.Count >= _options.MaxCachedScripts)
        {
            _templates.Clear();
        }

        _templates[text] = parsed;
        return parsed;
    }

    private static FluidValue Str(string? value) => value is null ? NilValue.Instance : new StringValue(value);

    internal static FluidValue ToFluid(JsonNode? node) => node switch
    {
        null => NilValue.Instance,
        JsonObject o => new DictionaryValue(new JsonObjectIndexable(o)),
        JsonArray a => new ArrayValue(a.Select(ToFluid).ToArray()),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => new StringValue(v.GetValue<string>()),
            JsonValueKind.True => BooleanValue.True,
            JsonValueKind.False => BooleanValue.False,
            JsonValueKind.Number when decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                => NumberValue.Create(d),
            JsonValueKind.Null => NilValue.Instance,
            _ => new StringValue(v.ToJsonString()),
        },
        _ => new StringValue(node.ToJsonString()),
    };

    internal static ValueTask<FluidValue> Base64(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(new StringValue(Convert.ToBase64String(Encoding.UTF8.GetBytes(input.ToStringValue()))));

    internal static ValueTask<FluidValue> Keys(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(input.ToObjectValue() is IFluidIndexable indexable
            ? new ArrayValue(indexable.Keys.Select(k => (FluidValue)new StringValue(k)).ToArray())
            : new ArrayValue([]));

    private sealed class JsonObjectIndexable(JsonObject json) : IFluidIndexable
    {
        public int Count => json.Count;

        public IEnumerable<string> Keys => json.Select(p => p.Key);

        public bool TryGetValue(string name, out FluidValue value)
        {
            if (json.TryGetPropertyValue(name, out var node))
            {
                value = ToFluid(node);
                return true;
            }

            value = NilValue.Instance;
            return false;
        }
    }

    /// <summary>Variables are looked up lazily by name, so dynamic variables (set without a definition) are found too.</summary>
    private sealed class VariablesIndexable(IExpressionContext context) : IFluidIndexable
    {
        public int Count => context.VariablesInScope.Count;

        public IEnumerable<string> Keys => context.VariablesInScope.Select(v => v.Name);

        public bool TryGetValue(string name, out FluidValue value)
        {
            var node = context.GetVariable(name);
            value = ToFluid(node);
            return node is not null || context.VariablesInScope.Any(v => v.Name == name);
        }
    }

    private sealed class InputIndexable(IReadOnlyDictionary<string, JsonNode?> input) : IFluidIndexable
    {
        public int Count => input.Count;

        public IEnumerable<string> Keys => input.Keys;

        public bool TryGetValue(string name, out FluidValue value)
        {
            var match = input.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            value = ToFluid(match.Value);
            return match.Key is not null;
        }
    }
}
