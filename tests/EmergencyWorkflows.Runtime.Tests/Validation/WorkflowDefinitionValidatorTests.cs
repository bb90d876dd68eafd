using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Validation;

public class WorkflowDefinitionValidatorTests
{
    private readonly EngineHarness harness = new();

    private static WorkflowDefinition Flowchart(string activities, string connections = "") =>
        WorkflowDefinitionReader.Read($$"""
        { "id": "v1", "definitionId": "d1", "root": { "id": "fc", "type": "Elsa.Flowchart",
          "activities": [ {{activities}} ], "connections": [ {{connections}} ] } }
        """);

    private static string Conn(string source, string? port, string target) =>
        $$"""{ "source": { "activity": "{{source}}", "port": {{(port is null ? "null" : $"\"{port}\"")}} }, "target": { "activity": "{{target}}", "port": "In" } }""";

    private const string Start = """{ "id": "s", "type": "Elsa.Start" }""";

    [Fact]
    public void Validate_AValidFlowchart_ReturnsNoErrors()
    {
        var definition = Flowchart(Start + """, { "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "'a' + 1" } } }""",
            Conn("s", "Done", "w"));

        harness.Validator.Validate(definition).Should().BeEmpty();
    }

    [Fact]
    public void Validate_ActivityThatRefusesItsFixedInput_ReportsItsProblemNamingTheActivity()
    {
        var validator = new WorkflowDefinitionValidator(new ActivityRegistry([.. ActivityRegistry.BuiltIn(), new PickyActivity()]), harness.Evaluator);
        static string Picky(string id, string value) =>
            $$"""{ "id": "{{id}}", "type": "Test.Picky", "size": { "typeName": "String", "expression": { "type": "Literal", "value": "{{value}}" } } }""";

        var errors = validator.Validate(Flowchart(Start + ", " + Picky("ok", "small") + ", " + Picky("p1", "huge")));

        errors.Should().ContainSingle().Which.Should().Be("Activity Test.Picky 'p1': input 'size': 'huge' is not small.");
    }

    /// <summary>An activity whose <see cref="Activity.Check"/> refuses any fixed <c>size</c> other than "small".</summary>
    private sealed class PickyActivity : Activity
    {
        public override ActivityDescriptor Descriptor { get; } = new()
        {
            TypeName = "Test.Picky",
            Category = "Test",
            DisplayName = "Picky",
            Inputs = [new("size", "String")],
        };

        public override void Execute(ActivityExecutionContext context)
        {
        }

        public override IEnumerable<string> Check(ActivityNode node) =>
            node.Input("size").TryGetFixedValue(out var size) && (string?)size != "small" ? [$"input 'size': '{size}' is not small."] : [];
    }

    [Fact]
    public void Validate_UnknownActivityType_NamesTheActivity()
    {
        var definition = Flowchart(Start + """, { "id": "x1", "type": "Acme.Thing", "metadata": { "displayText": "Do thing" } }""");

        harness.Validator.Validate(definition).Should().ContainSingle()
            .Which.Should().Contain("Acme.Thing").And.Contain("Do thing").And.Contain("x1");
    }

    [Fact]
    public void Validate_CSharpExpression_IsReportedAsUnsupported()
    {
        var definition = Flowchart(Start + """, { "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "CSharp", "value": "return 1;" } } }""");

        harness.Validator.Validate(definition).Should().ContainSingle()
            .Which.Should().Contain("unsupported expression type").And.Contain("Elsa.WriteLine 'w'");
    }

    [Fact]
    public void Validate_JavaScriptThatDoesNotParse_IsReported()
    {
        var definition = Flowchart(Start + """, { "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "1 +* (" } } }""");

        harness.Validator.Validate(definition).Should().ContainSingle().Which.Should().Contain("Elsa.FlowDecision 'd'");
    }

    [Fact]
    public void Validate_FlowSwitchCaseThatDoesNotParse_IsReported()
    {
        var definition = Flowchart(Start + """, { "id": "sw", "type": "Elsa.FlowSwitch", "cases": [ { "label": "A", "condition": { "type": "JavaScript", "value": "((" } } ] }""");

        harness.Validator.Validate(definition).Should().ContainSingle().Which.Should().Contain("case 'A'");
    }

    [Fact]
    public void Validate_ConnectionFromAPortTheActivityDoesNotHave_IsReported()
    {
        var definition = Flowchart(Start + """, { "id": "d", "type": "Elsa.FlowDecision" }, { "id": "w", "type": "Elsa.WriteLine" }""",
            Conn("s", "Done", "d") + "," + Conn("d", "Maybe", "w"));

        harness.Validator.Validate(definition).Should().ContainSingle().Which.Should().Contain("no outcome 'Maybe'");
    }

    [Fact]
    public void Validate_DynamicPortsOfSwitchAndScript_AreAllowed()
    {
        var definition = Flowchart(Start
            + """, { "id": "sw", "type": "Elsa.FlowSwitch", "cases": [ { "label": "High", "condition": { "type": "JavaScript", "value": "true" } } ] }"""
            + """, { "id": "js", "type": "Elsa.RunJavaScript", "possibleOutcomes": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"Yes\"]" } } }"""
            + """, { "id": "w", "type": "Elsa.WriteLine" }""",
            Conn("s", null, "sw") + "," + Conn("sw", "High", "js") + "," + Conn("sw", "Default", "w") + "," + Conn("js", "Yes", "w"));

        harness.Validator.Validate(definition).Should().BeEmpty();
    }

    [Fact]
    public void Validate_ConnectionOutOfATerminalNode_IsReported()
    {
        var definition = Flowchart(Start + """, { "id": "e", "type": "Elsa.End" }, { "id": "w", "type": "Elsa.WriteLine" }""",
            Conn("s", "Done", "e") + "," + Conn("e", "Done", "w"));

        harness.Validator.Validate(definition).Should().ContainSingle().Which.Should().Contain("terminal");
    }

    [Fact]
    public void Validate_RootThatIsNotAFlowchart_IsReported()
    {
        var definition = WorkflowDefinitionReader.Read("""{ "id": "v1", "definitionId": "d1", "root": { "id": "w", "type": "Elsa.WriteLine" } }""");

        harness.Validator.Validate(definition).Should().Contain(e => e.Contains("not an Elsa.Flowchart", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyFlowchart_IsReported()
    {
        harness.Validator.Validate(Flowchart("")).Should().ContainSingle().Which.Should().Contain("no activities");
    }

    [Fact]
    public void Validate_NoStartCandidate_IsReported()
    {
        var definition = Flowchart("""{ "id": "a", "type": "Elsa.WriteLine" }, { "id": "b", "type": "Elsa.WriteLine" }""",
            Conn("a", "Done", "b") + "," + Conn("b", "Done", "a"));

        harness.Validator.Validate(definition).Should().ContainSingle().Which.Should().Contain("no start activity");
    }

    [Theory]
    [InlineData("0 0 * * * *", 0)]
    [InlineData("0 * * * *", 1)]
    [InlineData("not a cron", 1)]
    public void Validate_CronExpression_MustHaveSixFields(string expression, int errorCount)
    {
        var definition = Flowchart(Start + $$""", { "id": "c", "type": "Elsa.Cron", "cronExpression": { "typeName": "String", "expression": { "type": "Literal", "value": "{{expression}}" } } }""");

        harness.Validator.Validate(definition).Should().HaveCount(errorCount);
    }

    [Fact]
    public void Validate_ReaderWarnings_AreNotErrors()
    {
        var definition = Flowchart(Start, Conn("s", "Done", "ghost"));

        definition.ReaderWarnings.Should().NotBeEmpty();
        harness.Validator.Validate(definition).Should().BeEmpty();
    }
}
