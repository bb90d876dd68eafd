using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Tests.Expressions;

public class JavaScriptExpressionTests
{
    private static readonly ExpressionEvaluator Evaluator = new();

    private static JsonNode? Js(string script, FakeExpressionContext? context = null) =>
        Evaluator.Evaluate(new ExpressionSpec("JavaScript", JsonValue.Create(script)), context ?? new FakeExpressionContext());

    [Fact]
    public void Script_CompletionValue_IsTheResult()
    {
        Js("1 + 2")!.GetValue<long>().Should().Be(3);
    }

    [Fact]
    public void Script_TopLevelReturn_IsTheResult()
    {
        Js("const x = 'a'; return x + 'b';")!.GetValue<string>().Should().Be("ab");
    }
}
