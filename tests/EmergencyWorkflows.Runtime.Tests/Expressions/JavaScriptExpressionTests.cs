using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Tests.Expressions;

public class JavaScriptExpressionTests
{
    private static readonly ExpressionEvaluator Evaluator = new();

    private const string DefinitionWithActivities = """
        { "id": "ver-7", "definitionId": "def-7", "version": 7, "toolVersion": "3.5.0.0",
          "inputs": [ { "type": "Int32", "name": "ProductId" } ],
          "variables": [ { "id": "v1", "name": "Counter", "typeName": "Int32", "value": "41" } ],
          "root": { "id": "fc", "type": "Elsa.Flowchart", "connections": [], "activities": [
            { "id": "a1", "name": "WriteLine1", "type": "Elsa.WriteLine" },
            { "id": "a2", "name": "FlowSendHttpRequest1", "type": "Elsa.FlowSendHttpRequest",
              "url": { "typeName": "Uri", "expression": { "type": "Literal", "value": "http://x" }, "memoryReference": { "id": "a2:input-1" } },
              "parsedContent": { "typeName": "Object", "memoryReference": { "id": "v9" } } } ] } }
        """;

    private static JsonNode? Js(string script, FakeExpressionContext? context = null) =>
        Evaluator.Evaluate(new ExpressionSpec("JavaScript", JsonValue.Create(script)), context ?? new FakeExpressionContext());

    private static ExpressionException JsFails(string script, FakeExpressionContext? context = null)
    {
        var act = () => Js(script, context);
        return act.Should().Throw<ExpressionException>().Which;
    }

    [Fact]
    public void Script_CompletionValue_IsTheResult() => Js("1 + 2").ShouldBeJson("3");

    [Fact]
    public void Script_TopLevelReturn_IsTheResult() => Js("const x = 'a'; return x + 'b';").ShouldBeJson("\"ab\"");

    [Theory]
    [InlineData("({ a: 1, b: 'x', c: [true, null, 2.5], d: { e: {} } })", """{"a":1,"b":"x","c":[true,null,2.5],"d":{"e":{}}}""")]
    [InlineData("[1, [2, [3]]]", "[1,[2,[3]]]")]
    [InlineData("null", "null")]
    [InlineData("undefined", "null")]
    [InlineData("false", "false")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("'中文'", "\"中文\"")]
    public void Script_JsValues_ConvertToJson(string script, string expected) => Js(script).ShouldBeJson(expected);

    [Fact]
    public void Script_ResolvedPromise_IsUnwrapped() => Js("Promise.resolve(42)").ShouldBeJson("42");

    [Fact]
    public void Script_JsonVariable_RoundTripsThroughJavaScript()
    {
        const string value = """{"name":"Ann","tags":["a","b"],"age":30,"ok":true,"none":null,"nested":{"x":[{"y":1.5}]}}""";
        var context = new FakeExpressionContext().WithVariable("Employee", JsonNode.Parse(value));

        Js("getEmployee()", context).ShouldBeJson(value);
        Js("getVariable('Employee').nested.x[0].y * 2", context).ShouldBeJson("3");
    }

    [Fact]
    public void GetAndSetVariable_ByName_ReadAndWrite()
    {
        var context = new FakeExpressionContext().WithVariable("Counter", 1);

        Js("setVariable('Counter', getVariable('Counter') + 1); setVariable('Fresh', {a: [1]}); 0", context);

        context.GetVariable("Counter").ShouldBeJson("2");
        context.GetVariable("Fresh").ShouldBeJson("""{"a":[1]}""");
    }

    [Fact]
    public void GeneratedAccessors_PerVariable_UsePascalCaseAndSkipInvalidNames()
    {
        var context = new FakeExpressionContext()
            .WithVariable("counter", 5)
            .WithVariable("my_total", 7)
            .WithVariable("bad-name", 9);

        Js("setCounter(getCounter() * 2); getMyTotal()", context).ShouldBeJson("7");
        context.GetVariable("counter").ShouldBeJson("10");
        JsFails("getBadName()", context).Message.Should().Contain("getBadName");
    }

    [Fact]
    public void GeneratedAccessor_VariableNamedLikeABuiltIn_DoesNotHideIt()
    {
        var context = new FakeExpressionContext().WithVariable("Input", "variable value").WithInput("x", "input value");

        Js("getInput('x')", context).ShouldBeJson("\"input value\"");
    }

    [Fact]
    public void VariablesObject_MentionedVariable_IsPrefilledAndWrittenBack()
    {
        var context = new FakeExpressionContext().WithVariable("Counter", 3).WithVariable("Other", 100);

        Js("const before = Object.keys(variables).join(); variables.Counter = variables.Counter + 1; variables.Created = 'yes'; before", context)
            .ShouldBeJson("\"Counter\"");

        context.GetVariable("Counter").ShouldBeJson("4");
        context.GetVariable("Created").ShouldBeJson("\"yes\"");
        context.Writes.Select(w => w.Name).Should().BeEquivalentTo("Counter", "Created");
    }

    [Fact]
    public void VariablesObject_UnchangedVariable_IsNotWrittenBack()
    {
        var context = new FakeExpressionContext().WithVariable("Counter", 3);

        Js("variables.Counter + 1", context).ShouldBeJson("4");

        context.Writes.Should().BeEmpty();
    }

    [Fact]
    public void VariablesObject_KeyNamedAfterWorkflowInput_IsNotWrittenBack()
    {
        var context = new FakeExpressionContext(WorkflowDefinitionReader.Read(DefinitionWithActivities));

        Js("variables.ProductId = 5; variables.Other = 1", context);

        context.Writes.Select(w => w.Name).Should().Equal("Other");
    }

    [Fact]
    public void VariableDefault_FromDefinition_IsVisibleToScripts()
    {
        var context = new FakeExpressionContext(WorkflowDefinitionReader.Read(DefinitionWithActivities));

        Js("getCounter() + 1", context).ShouldBeJson("42");
    }

    [Fact]
    public void GetInput_AnyKey_IsCaseInsensitive()
    {
        var context = new FakeExpressionContext().WithInput("OrderId", "o-1");

        Js("getInput('orderid')", context).ShouldBeJson("\"o-1\"");
        Js("getInput('missing')", context).ShouldBeJson("null");
    }

    [Fact]
    public void DeclaredInputAccessor_ReadsTheRunInput()
    {
        var context = new FakeExpressionContext(WorkflowDefinitionReader.Read(DefinitionWithActivities))
            .WithInput("ProductId", 12);

        Js("getProductId() + 1", context).ShouldBeJson("13");
    }

    [Fact]
    public void GetOutputFrom_IdOrName_ReadsRecordedOutput()
    {
        var context = new FakeExpressionContext(WorkflowDefinitionReader.Read(DefinitionWithActivities))
            .WithOutput("a1", "Result", "done")
            .WithOutput("a2", "ParsedContent", new JsonObject { ["id"] = 1 });

        Js("getOutputFrom('WriteLine1')", context).ShouldBeJson("\"done\"");
        Js("getOutputFrom('a2', 'ParsedContent').id", context).ShouldBeJson("1");
    }

    [Fact]
    public void GeneratedOutputAccessors_ToolVersion3_UseActivityNames()
    {
        var context = new FakeExpressionContext(WorkflowDefinitionReader.Read(DefinitionWithActivities))
            .WithOutput("a1", "Result", "r1")
            .WithOutput("a2", "ParsedContent", new JsonObject { ["id"] = 2 });

        Js("getResultFromWriteLine1()", context).ShouldBeJson("\"r1\"");
        Js("getParsedContentFromFlowSendHttpRequest1().id", context).ShouldBeJson("2");
        JsFails("getUrlFromFlowSendHttpRequest1()", context).Message.Should().Contain("getUrlFromFlowSendHttpRequest1");
    }

    [Fact]
    public void GeneratedOutputAccessors_ToolVersionBelow3_UseActivityIds()
    {
        var definition = WorkflowDefinitionReader.Read(DefinitionWithActivities.Replace("3.5.0.0", "2.0.0.0", StringComparison.Ordinal));
        var context = new FakeExpressionContext(definition).WithOutput("a1", "Result", "r1");

        Js("getResultFroma1()", context).ShouldBeJson("\"r1\"");
        JsFails("getResultFromWriteLine1()", context);
    }

    [Fact]
    public void GetLastResult_ReturnsContextValue()
    {
        var context = new FakeExpressionContext { LastResult = JsonNode.Parse("[1,2]") };

        Js("getLastResult().length", context).ShouldBeJson("2");
    }

    [Fact]
    public void IdentityFunctions_ReturnContextIdentity()
    {
        var context = new FakeExpressionContext(WorkflowDefinitionReader.Read(DefinitionWithActivities))
        {
            WorkflowInstanceId = "inst-9",
        };

        Js("[getWorkflowDefinitionId(), getWorkflowDefinitionVersionId(), getWorkflowDefinitionVersion(), getWorkflowInstanceId()]", context)
            .ShouldBeJson("""["def-7","ver-7",7,"inst-9"]""");
    }

    [Fact]
    public void CorrelationAndName_SetInScript_ReachTheContext()
    {
        var context = new FakeExpressionContext { CorrelationId = "old", WorkflowInstanceName = "before" };

        Js("const prev = getCorrelationId() + '/' + getWorkflowInstanceName(); setCorrelationId('c-2'); setWorkflowInstanceName('after'); prev", context)
            .ShouldBeJson("\"old/before\"");

        context.CorrelationId.Should().Be("c-2");
        context.WorkflowInstanceName.Should().Be("after");
    }

    [Theory]
    [InlineData("isNullOrWhiteSpace('  ')", "true")]
    [InlineData("isNullOrWhiteSpace(null)", "true")]
    [InlineData("isNullOrWhiteSpace('a')", "false")]
    [InlineData("isNullOrEmpty('')", "true")]
    [InlineData("isNullOrEmpty(undefined)", "true")]
    [InlineData("isNullOrEmpty(' ')", "false")]
    [InlineData("toJson({a: [1, 'x']})", "\"{\\\"a\\\":[1,\\\"x\\\"]}\"")]
    [InlineData("parseGuid('{A0B1C2D3-0000-0000-0000-000000000001}')", "\"a0b1c2d3-0000-0000-0000-000000000001\"")]
    [InlineData("stringToBase64('héllo')", "\"aMOpbGxv\"")]
    [InlineData("stringFromBase64('aMOpbGxv')", "\"héllo\"")]
    public void Helpers_ReturnExpectedValues(string script, string expected) => Js(script).ShouldBeJson(expected);

    [Fact]
    public void GuidHelpers_ReturnFreshGuids()
    {
        Guid.TryParse(Js("newGuid()")!.GetValue<string>(), out _).Should().BeTrue();
        Guid.TryParse(Js("newGuidString()")!.GetValue<string>(), out _).Should().BeTrue();
        Js("newGuidString() === newGuidString()").ShouldBeJson("false");
        Js("newShortGuid()")!.GetValue<string>().Should().MatchRegex("^[A-Za-z0-9_-]{22}$");
    }

    [Fact]
    public void SetOutcome_WithOutcomeCollection_AddsOutcomes()
    {
        var context = new FakeExpressionContext { ScriptOutcomes = new List<string>() };

        Js("setOutcome('Approved'); setOutcomes(['A', 'B'])", context);

        context.ScriptOutcomes.Should().Equal("Approved", "A", "B");
    }

    [Fact]
    public void SetOutcome_OutsideRunJavaScript_IsIgnored()
    {
        var context = new FakeExpressionContext { ScriptOutcomes = null };

        Js("setOutcome('Approved'); 1", context).ShouldBeJson("1");
    }

    [Fact]
    public void ScriptError_Thrown_MessageHasErrorAndLine()
    {
        var error = JsFails("const a = 1;\nconst b = 2;\nthrow new Error('boom here');");

        error.Message.Should().Contain("boom here").And.Contain("line 3");
    }

    [Fact]
    public void ScriptError_UnknownFunction_MessageNamesIt()
    {
        JsFails("\nnotThere()").Message.Should().Contain("notThere").And.Contain("line 2");
    }

    [Fact]
    public void InfiniteLoop_WithDefaultLimits_FaultsWithClearError()
    {
        JsFails("while(true){}").Message.Should().Contain("stopped").And.Contain("infinite loop");
    }

    [Fact]
    public void InfiniteLoop_WithTimeLimitOnly_FaultsWithTimeoutMessage()
    {
        var evaluator = new ExpressionEvaluator(new ExpressionEvaluatorOptions
        {
            MaxStatements = 0,
            MaxMemoryBytes = 0,
            ScriptTimeout = TimeSpan.FromMilliseconds(100),
        });

        var act = () => evaluator.Evaluate(new ExpressionSpec("JavaScript", "while(true){}"), new FakeExpressionContext());

        act.Should().Throw<ExpressionException>().WithMessage("*longer than 100 ms*");
    }

    [Fact]
    public void InfiniteLoop_WithStatementLimit_FaultsWithStatementMessage()
    {
        var evaluator = new ExpressionEvaluator(new ExpressionEvaluatorOptions { MaxStatements = 1000, ScriptTimeout = TimeSpan.FromMinutes(1) });

        var act = () => evaluator.Evaluate(new ExpressionSpec("JavaScript", "for(;;){ let x = 1; }"), new FakeExpressionContext());

        act.Should().Throw<ExpressionException>().WithMessage("*1000 statements*");
    }

    [Fact]
    public void MemoryHog_OverMemoryLimit_Faults()
    {
        var evaluator = new ExpressionEvaluator(new ExpressionEvaluatorOptions
        {
            MaxMemoryBytes = 4 * 1024 * 1024,
            MaxStatements = 0,
            ScriptTimeout = TimeSpan.FromMinutes(1),
        });

        var act = () => evaluator.Evaluate(
            new ExpressionSpec("JavaScript", "const a = []; while (true) { a.push('x'.repeat(10000) + a.length); }"),
            new FakeExpressionContext());

        act.Should().Throw<ExpressionException>().WithMessage("*bytes*");
    }

    [Fact]
    public void RunawayRecursion_FaultsWithDepthMessage()
    {
        JsFails("function f(n) { return f(n + 1); } f(0)").Message.Should().Contain("call depth");
    }

    [Fact]
    public void Dates_Now_ComeFromTheContextClock()
    {
        var context = new FakeExpressionContext { Now = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)) };

        Js("new Date().toISOString()", context).ShouldBeJson("\"2030-05-06T05:08:09.000Z\"");
        Js("Date.now()", context).ShouldBeJson(context.Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Js("new Date(2024, 0, 2).toISOString()", context).ShouldBeJson("\"2024-01-02T00:00:00.000Z\"");
    }

    [Fact]
    public void ClrAccess_IsOff()
    {
        JsFails("System.IO.File.ReadAllText('/etc/passwd')");
        Js("typeof importNamespace").ShouldBeJson("\"undefined\"");
    }

    [Fact]
    public void Check_SyntaxError_ReportsLineAndColumn()
    {
        var message = Evaluator.Check(new ExpressionSpec("JavaScript", "let a = 1;\nlet = = 2;"));

        message.Should().Contain("syntax error").And.Contain("line 2").And.Contain("column");
    }

    [Fact]
    public void Check_ValidScriptWithTopLevelReturn_IsNull()
    {
        Evaluator.Check(new ExpressionSpec("JavaScript", "return getX() > 1;")).Should().BeNull();
    }

    [Fact]
    public void Evaluate_SyntaxError_ThrowsExpressionException()
    {
        JsFails("1 +").Message.Should().Contain("syntax error");
    }

    [Fact]
    public void Evaluate_SameScriptManyContexts_IsIndependentAndThreadSafe()
    {
        var results = Enumerable.Range(0, 64).AsParallel()
            .Select(i => Js("getN() * 2", new FakeExpressionContext().WithVariable("N", i))!.GetValue<long>())
            .ToList();

        results.Should().BeEquivalentTo(Enumerable.Range(0, 64).Select(i => (long)i * 2));
    }
}
