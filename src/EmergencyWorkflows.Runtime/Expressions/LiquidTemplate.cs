using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Fluid;
using Fluid.Values;

namespace EmergencyWorkflows.Runtime.Expressions;

/// <summary>
/// A Liquid template for text the host renders outside a workflow (announcement templates), on the same Fluid parser
/// and options as the workflows' Liquid expressions (<see cref="LiquidEvaluator"/>): same filters, same step limit.
/// The model is a JSON object whose members are the template's variables; a variable the model lacks renders as written
/// (<c>{{ name }}</c>) so a typo shows instead of vanishing. Render with <see cref="HtmlEncoder"/> for HTML output (every
/// value encoded, the template's own markup kept) or <see cref="NullEncoder"/> for plain text.
/// </summary>
public sealed class LiquidTemplate
{
    internal static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions(new ExpressionEvaluatorOptions(), keepUndefined: true);
    private readonly IFluidTemplate template;

    private LiquidTemplate(IFluidTemplate template) => this.template = template;

    /// <summary>False with the parser's message when <paramref name="text"/> is not valid Liquid.</summary>
    public static bool TryParse(string text, out LiquidTemplate? template, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Parser.TryParse(text, out var parsed, out error))
        {
            template = new LiquidTemplate(parsed);
            return true;
        }

        template = null;
        return false;
    }

    public string Render(JsonObject model, TextEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, LiquidEvaluator.ToFluid(value));
        }

        return template.Render(context, encoder);
    }

    internal static TemplateOptions CreateOptions(ExpressionEvaluatorOptions options, bool keepUndefined = false)
    {
        var templateOptions = new TemplateOptions { MaxSteps = options.MaxLiquidSteps, TimeZone = options.TimeZone };
        templateOptions.Filters.AddFilter("base64", LiquidEvaluator.Base64);
        templateOptions.Filters.AddFilter("keys", LiquidEvaluator.Keys);
        if (keepUndefined)
        {
            templateOptions.Undefined = name => new ValueTask<FluidValue>(new StringValue($"{{{{ {name} }}}}"));
        }

        return templateOptions;
    }
}
