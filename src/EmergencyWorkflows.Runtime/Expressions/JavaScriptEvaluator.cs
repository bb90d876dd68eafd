using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace EmergencyWorkflows.Runtime.Expressions;

/// <summary>
/// JavaScript expressions on Jint, with the globals Elsa offers (elsa-format.md §6.1). A fresh engine per evaluation;
/// prepared scripts are shared (Jint's prepared scripts are thread-safe) and cached by the SHA-256 of their text.
/// </summary>
internal sealed partial class JavaScriptEvaluator
{
    private readonly ExpressionEvaluatorOptions _options;
    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);

    private static readonly ScriptPreparationOptions PreparationOptions = new()
    {
        ParsingOptions = ScriptParsingOptions.Default with { AllowReturnOutsideFunction = true },
    };

    public JavaScriptEvaluator(ExpressionEvaluatorOptions options) => _options = options;

    public string? Check(string script)
    {
        try
        {
            Prepare(script);
            return null;
        }
        catch (ExpressionException ex)
        {
            return ex.Message;
        }
    }

    public JsonNode? Evaluate(string script, IExpressionContext context)
    {
        var prepared = Prepare(script);
        var engine = new Engine(o =>
        {
            o.TimeoutInterval(_options.ScriptTimeout);
            o.LimitRecursion(_options.MaxRecursion);
            if (_options.MaxStatements > 0)
            {
                o.MaxStatements(_options.MaxStatements);
            }

            if (_options.MaxMemoryBytes > 0)
            {
                o.LimitMemory(_options.MaxMemoryBytes);
            }

            o.Strict = false;
            o.TimeSystem = new ContextTimeSystem(context, _options.TimeZone);
        });

        var mentioned = MentionedVariables(script, context);
        var variables = new JsonObject();
        foreach (var name in mentioned)
        {
            variables[name] = context.GetVariable(name)?.DeepClone();
        }

        try
        {
            engine.SetValue("variables", ToJs(engine, variables));
            Globals.Register(engine, context);
            var result = engine.Evaluate(prepared).UnwrapIfPromise(_options.ScriptTimeout);
            var converted = ToJson(engine, result);
            WriteBackVariables(engine, context, variables);
            return converted;
        }
        catch (JavaScriptException ex)
        {
            var location = ex.Location;
            throw new ExpressionException(
                $"JavaScript error: {ex.Message} (line {location.Start.Line}, column {location.Start.Column + 1}).", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionException(
                $"The script was stopped after {_options.MaxStatements} statements (infinite loop?).", ex);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionException(
                $"The script was stopped after running longer than {_options.ScriptTimeout.TotalMilliseconds} ms (infinite loop?).", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionException($"The script was stopped: it used more than {_options.MaxMemoryBytes} bytes.", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionException($"The script was stopped: call depth over {_options.MaxRecursion}.", ex);
        }
        catch (PromiseRejectedException ex)
        {
            throw new ExpressionException($"JavaScript promise rejected: {ex.Message}", ex);
        }
        catch (JintException ex)
        {
            throw new ExpressionException($"JavaScript error: {ex.Message}", ex);
        }
    }

    private Prepared<Script> Prepare(string script)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        if (_scripts.TryGetValue(key, out var cached))
        {
            return cached;
        }

        Prepared<Script> prepared;
        try
        {
            prepared = Engine.PrepareScript(script, source: "expression", options: PreparationOptions);
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            throw new ExpressionException(
                $"JavaScript syntax error: {parse.Description} (line {parse.LineNumber}, column {parse.Column}).", ex);
        }
        catch (ParseErrorException ex)
        {
            throw new ExpressionException(
                $"JavaScript syntax error: {ex.Description} (line {ex.LineNumber}, column {ex.Column}).", ex);
        }
        catch (ScriptPreparationException ex)
        {
            throw new ExpressionException($"JavaScript syntax error: {ex.Message}", ex);
        }

        if (_scripts.Count >= _options.MaxCachedScripts)
        {
            _scripts.Clear();
        }

        _scripts[key] = prepared;
        return prepared;
    }

    /// <summary>Elsa pre-fills <c>variables</c> with the existing variables the source mentions as <c>variables.Name</c>.</summary>
    private static List<string> MentionedVariables(string script, IExpressionContext context)
    {
        var result = new List<string>();
        foreach (Match m in VariablesAccess().Matches(script))
        {
            var name = m.Groups[1].Value;
            if (!result.Contains(name) && context.VariablesInScope.Any(v => v.Name == name))
            {
                result.Add(name);
            }
        }

        return result;
    }

    /// <summary>Every key of <c>variables</c> is written back (creating variables), except names of workflow inputs.</summary>
    private static void WriteBackVariables(Engine engine, IExpressionContext context, JsonObject before)
    {
        if (ToJson(engine, engine.GetValue("variables")) is not JsonObject after)
        {
            return;
        }

        var inputs = context.Definition.Inputs.Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in after)
        {
            if (inputs.Contains(name))
            {
                continue;
            }

            if (before.TryGetPropertyValue(name, out var old) && JsonNode.DeepEquals(old, value))
            {
                continue;
            }

            context.SetVariable(name, value?.DeepClone());
        }
    }

    internal static JsValue ToJs(Engine engine, JsonNode? node) => node switch
    {
        null => JsValue.Null,
        JsonValue v when v.TryGetValue<string>(out var s) => new JsString(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? JsBoolean.True : JsBoolean.False,
        JsonValue v when v.TryGetValue<double>(out var d) => new JsNumber(d),
        _ => new JsonParser(engine).Parse(node.ToJsonString()),
    };

    internal static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsNumber())
        {
            return NumberToJson(value.AsNumber());
        }

        var text = new JsonSerializer(engine).Serialize(value);
        return text.IsString() ? JsonNode.Parse(text.AsString()) : null;
    }

    internal static JsonNode? NumberToJson(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return null;
        }

        if (Math.Floor(d) == d && Math.Abs(d) < 9007199254740992d)
        {
            return JsonValue.Create((long)d);
        }

        return JsonValue.Create(d);
    }

    internal static string? ToText(JsValue value) =>
        value.IsNull() || value.IsUndefined() ? null
        : value.IsString() ? value.AsString()
        : value.IsNumber() ? value.AsNumber().ToString(CultureInfo.InvariantCulture)
        : value.ToString();

    [GeneratedRegex(@"\bvariables\.([A-Za-z_$][A-Za-z0-9_$]*)", RegexOptions.CultureInvariant)]
    private static partial Regex VariablesAccess();

    /// <summary>Registers the global functions; kept apart so the evaluation flow above stays readable.</summary>
    private static class Globals
    {
        public static void Register(Engine engine, IExpressionContext context)
        {
            // Generated accessors first, so a variable named e.g. "Input" cannot hide the fixed getInput(name).
            foreach (var variable in context.VariablesInScope)
            {
                var accessor = AccessorName(variable.Name);
                if (accessor is null)
                {
                    continue;
                }

                var name = variable.Name;
                Fn(engine, $"get{accessor}", _ => ToJs(engine, context.GetVariable(name)));
                Fn(engine, $"set{accessor}", args =>
                {
                    context.SetVariable(name, ToJson(engine, Arg(args, 0)));
                    return JsValue.Undefined;
                });
            }

            foreach (var input in context.Definition.Inputs)
            {
                var accessor = AccessorName(input.Name);
                if (accessor is not null)
                {
                    var name = input.Name;
                    Fn(engine, $"get{accessor}", _ => ToJs(engine, context.GetInput(name)));
                }
            }

            RegisterOutputAccessors(engine, context);

            Fn(engine, "getVariable", args => ToJs(engine, context.GetVariable(Text(args, 0) ?? string.Empty)));
            Fn(engine, "setVariable", args =>
            {
                context.SetVariable(Text(args, 0) ?? string.Empty, ToJson(engine, Arg(args, 1)));
                return JsValue.Undefined;
            });
            Fn(engine, "getInput", args => ToJs(engine, context.GetInput(Text(args, 0) ?? string.Empty)));
            Fn(engine, "getOutputFrom", args =>
                ToJs(engine, context.GetOutput(Text(args, 0) ?? string.Empty, Text(args, 1))));
            Fn(engine, "getLastResult", _ => ToJs(engine, context.LastResult));

            Fn(engine, "getWorkflowDefinitionId", _ => new JsString(context.WorkflowDefinitionId));
            Fn(engine, "getWorkflowDefinitionVersionId", _ => new JsString(context.WorkflowDefinitionVersionId));
            Fn(engine, "getWorkflowDefinitionVersion", _ => new JsNumber(context.WorkflowDefinitionVersion));
            Fn(engine, "getWorkflowInstanceId", _ => new JsString(context.WorkflowInstanceId));
            Fn(engine, "getCorrelationId", _ => context.CorrelationId is null ? JsValue.Null : new JsString(context.CorrelationId));
            Fn(engine, "setCorrelationId", args =>
            {
                context.CorrelationId = Text(args, 0);
                return JsValue.Undefined;
            });
            Fn(engine, "getWorkflowInstanceName", _ =>
                context.WorkflowInstanceName is null ? JsValue.Null : new JsString(context.WorkflowInstanceName));
            Fn(engine, "setWorkflowInstanceName", args =>
            {
                context.WorkflowInstanceName = Text(args, 0);
                return JsValue.Undefined;
            });

            Fn(engine, "isNullOrWhiteSpace", args => string.IsNullOrWhiteSpace(Text(args, 0)) ? JsBoolean.True : JsBoolean.False);
            Fn(engine, "isNullOrEmpty", args => string.IsNullOrEmpty(Text(args, 0)) ? JsBoolean.True : JsBoolean.False);
            Fn(engine, "toJson", args => new JsString(ToJson(engine, Arg(args, 0))?.ToJsonString() ?? "null"));
            Fn(engine, "parseGuid", args => Guid.TryParse(Text(args, 0), out var g)
                ? new JsString(g.ToString())
                : throw new JavaScriptException($"'{Text(args, 0)}' is not a GUID."));
            Fn(engine, "newGuid", _ => new JsString(Guid.NewGuid().ToString()));
            Fn(engine, "newGuidString", _ => new JsString(Guid.NewGuid().ToString()));
            Fn(engine, "getGuidString", _ => new JsString(Guid.NewGuid().ToString()));
            Fn(engine, "newShortGuid", _ => new JsString(ShortGuid()));
            Fn(engine, "getShortGuid", _ => new JsString(ShortGuid()));
            Fn(engine, "stringToBase64", args =>
                new JsString(Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(args, 0) ?? string.Empty))));
            Fn(engine, "stringFromBase64", args => FromBase64(Text(args, 0)));

            Fn(engine, "setOutcome", args =>
            {
                if (Text(args, 0) is { } outcome)
                {
                    context.ScriptOutcomes?.Add(outcome);
                }

                return JsValue.Undefined;
            });
            Fn(engine, "setOutcomes", args =>
            {
                var outcomes = ToJson(engine, Arg(args, 0));
                foreach (var item in outcomes as JsonArray ?? [outcomes])
                {
                    if (ValueConverter.ToText(item) is { } outcome)
                    {
                        context.ScriptOutcomes?.Add(outcome);
                    }
                }

                return JsValue.Undefined;
            });
        }

        /// <summary>
        /// <c>get&lt;Output&gt;From&lt;Activity&gt;()</c> for every activity: names from tool version 3 on, ids before.
        /// Outputs: <c>Result</c>, plus every property the node binds to memory without an expression (an output binding).
        /// </summary>
        private static void RegisterOutputAccessors(Engine engine, IExpressionContext context)
        {
            var useNames = context.Definition.ToolMajorVersion >= 3;
            foreach (var activity in context.Definition.AllActivities())
            {
                var key = useNames ? activity.Name : activity.Id;
                if (key is null || !IsIdentifierPart(key))
                {
                    continue;
                }

                var outputs = new List<string> { "Result" };
                foreach (var (property, value) in activity.Json)
                {
                    if (value is JsonObject o && o.ContainsKey("memoryReference") && !o.ContainsKey("expression")
                        && property.Length > 0)
                    {
                        var output = char.ToUpperInvariant(property[0]) + property[1..];
                        if (!outputs.Contains(output) && IsIdentifierPart(output))
                        {
                            outputs.Add(output);
                        }
                    }
                }

                var activityId = activity.Id;
                foreach (var output in outputs)
                {
                    var outputName = output;
                    Fn(engine, $"get{output}From{key}", _ => ToJs(engine, context.GetOutput(activityId, outputName)));
                }
            }
        }

        private static JsString FromBase64(string? text)
        {
            try
            {
                return new JsString(Encoding.UTF8.GetString(Convert.FromBase64String(text ?? string.Empty)));
            }
            catch (FormatException)
            {
                throw new JavaScriptException($"'{text}' is not base64.");
            }
        }

        private static string ShortGuid() =>
            Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('/', '_').Replace('+', '-')[..22];

        private static void Fn(Engine engine, string name, Func<JsValue[], JsValue> body) =>
            engine.SetValue(name, new ClrFunction(engine, name, (_, args) => body(args)));

        private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

        private static string? Text(JsValue[] args, int index) => ToText(Arg(args, index));
    }

    /// <summary>Elsa PascalCases a name for accessors (<c>my_var</c> → <c>MyVar</c>); null when the result is no identifier.</summary>
    internal static string? AccessorName(string name)
    {
        var pascal = PascalSeparators().Replace(name.Trim(), m => m.Groups[1].Value.ToUpperInvariant());
        return IsIdentifierPart(pascal) ? pascal : null;
    }

    private static bool IsIdentifierPart(string text) => IdentifierPart().IsMatch(text);

    [GeneratedRegex(@"(?:^|_| +)(.)", RegexOptions.CultureInvariant)]
    private static partial Regex PascalSeparators();

    [GeneratedRegex(@"^[A-Za-z0-9_$]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPart();
}
