using System.Text;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Tests.Definitions;

/// <summary>The reader tolerance checklist of elsa-format.md §1.11, one small inline definition per item.</summary>
public class WorkflowDefinitionReaderTests
{
    private static string Definition(string activities, string connections = "[]", string extra = "") => $$"""
        { {{extra}} "id": "v1", "definitionId": "d1", "version": 2, "toolVersion": "3.5.0.0",
          "root": { "id": "fc", "type": "Elsa.Flowchart", "activities": [ {{activities}} ], "connections": {{connections}} } }
        """;

    private const string TwoWriteLines = """
        { "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "A" } } },
        { "id": "b", "type": "Elsa.WriteLine", "text": null }
        """;

    private static ActivityNode Activity(WorkflowDefinition d, string id) => d.FindActivity(id)!;

    [Fact]
    public void Read_Utf8BomInBytes_IsStripped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Definition(TwoWriteLines))).ToArray();

        var d = WorkflowDefinitionReader.Read(bytes);

        d.Root.Activities.Should().HaveCount(2);
    }

    [Fact]
    public void Read_BomInString_IsStripped()
    {
        WorkflowDefinitionReader.Read("\uFEFF" + Definition(TwoWriteLines)).DefinitionId.Should().Be("d1");
    }

    [Fact]
    public void Read_SchemaAndLinks_AreTolerated()
    {
        var json = Definition(TwoWriteLines, extra: """
            "$schema": "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
            "links": [ { "rel": "self", "href": "/x", "method": "GET" } ],
            """);

        var d = WorkflowDefinitionReader.Read(json);

        d.Root.Activities.Should().HaveCount(2);
        WorkflowDefinitionWriter.Write(d).Should().NotContainKey("$schema").And.NotContainKey("links");
    }

    [Fact]
    public void Read_LegacyShape_ReadsConnectionsStartFlagsAndApplicationProperties()
    {
        const string json = """
            { "id": "v", "definitionId": "d",
              "root": { "type": "Elsa.Flowchart", "id": "Flowchart1", "start": "Start1",
                "applicationProperties": { "NotFoundConnectionsKey": [] },
                "activities": [
                  { "id": "Start1", "type": "Elsa.Start", "canStartWorkflow": true, "runAsynchronously": false,
                    "applicationProperties": {} },
                  { "id": "WriteLine1", "type": "Elsa.WriteLine", "canStartWorkflow": false } ],
                "connections": [ { "source": "Start1", "target": "WriteLine1", "sourcePort": "Done", "targetPort": "In" } ] } }
            """;

        var d = WorkflowDefinitionReader.Read(json);

        d.Root.Connections.Should().Equal(new Connection("Start1", "Done", "WriteLine1", "In"));
        Activity(d, "Start1").CanStartWorkflow.Should().BeTrue();
        Activity(d, "WriteLine1").CanStartWorkflow.Should().BeFalse();
        d.ReaderWarnings.Should().BeEmpty();
    }

    [Fact]
    public void Read_CurrentShape_CanStartWorkflowFromCustomProperties()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""
            { "id": "t", "type": "Elsa.Timer", "customProperties": { "canStartWorkflow": true } }
            """));

        Activity(d, "t").CanStartWorkflow.Should().BeTrue();
    }

    [Fact]
    public void Read_InputWithoutMemoryReference_IsSet()
    {
        var d = WorkflowDefinitionReader.Read(Definition(TwoWriteLines));

        var text = Activity(d, "a").Input("text");

        text.Presence.Should().Be(InputPresence.Set);
        text.Expression!.Type.Should().Be("Literal");
        text.Expression.Value!.GetValue<string>().Should().Be("A");
        text.TypeName.Should().Be("String");
    }

    [Theory]
    [InlineData("""{ "typeName": "String", "expression": { "type": "Literal", "value": "A" } }""", true, "\"A\"")]
    [InlineData("""{ "typeName": "Object", "expression": { "type": "Object", "value": "[{\"name\": \"n\"}]" } }""", true, "[{\"name\":\"n\"}]")]
    [InlineData("""{ "typeName": "Object", "expression": { "type": "Json", "value": "{\"1\": \"01:00:00\"}" } }""", true, "{\"1\":\"01:00:00\"}")]
    [InlineData("""{ "typeName": "Object", "expression": { "type": "Object", "value": "" } }""", true, null)]
    [InlineData("\"raw\"", true, "\"raw\"")]
    [InlineData("""{ "typeName": "Object", "expression": { "type": "Object", "value": "[not json" } }""", false, null)]
    [InlineData("""{ "typeName": "String", "expression": { "type": "JavaScript", "value": "'x'" } }""", false, null)]
    [InlineData("""{ "typeName": "String", "expression": { "type": "Variable", "value": "V" } }""", false, null)]
    [InlineData("null", false, null)]
    public void InputSpec_TryGetFixedValue_OnlyValuesTheDefinitionFixes(string input, bool isFixed, string? expected)
    {
        var node = JsonNode.Parse($$"""{ "id": "a", "text": {{input}} }""")!.AsObject();

        var spec = InputSpec.Read(node, "text");

        spec.TryGetFixedValue(out var value).Should().Be(isFixed);
        value?.ToJsonString().Should().Be(expected);
        if (expected is null)
        {
            value.Should().BeNull();
        }
    }

    [Fact]
    public void InputSpec_TryGetFixedValue_AbsentInput_IsNotFixed()
    {
        InputSpec.Read(new JsonObject(), "text").TryGetFixedValue(out var value).Should().BeFalse();
        value.Should().BeNull();
    }

    [Fact]
    public void Read_InputWithMemoryReference_IsSet()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""
            { "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String",
              "expression": { "type": "JavaScript", "value": "'x'" }, "memoryReference": { "id": "a:input-1" } } }
            """));

        var text = Activity(d, "a").Input("text");
        text.Presence.Should().Be(InputPresence.Set);
        text.Expression!.Type.Should().Be("JavaScript");
        text.Expression.Value!.GetValue<string>().Should().Be("'x'");
    }

    [Fact]
    public void Read_StaleTypeNames_AreKeptNotResolved()
    {
        var d = WorkflowDefinitionReader.Read(Definition(
            """
            { "id": "j", "type": "Elsa.FlowJoin", "mode": { "typeName": "Elsa.Workflows.Core.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core",
              "expression": { "type": "Literal", "value": "WaitAll" } } }
            """,
            extra: """
            "variables": [ { "id": "v9", "name": "Old", "typeName": "Some.Gone.Type, Gone.Assembly", "value": "x",
                             "storageDriverTypeName": "Elsa.Workflows.Services.WorkflowStorageDriver, Elsa.Workflows.Core" } ],
            """));

        var mode = Activity(d, "j").Input("mode");
        mode.TypeName.Should().Be("Elsa.Workflows.Core.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core");
        mode.Expression!.Value!.GetValue<string>().Should().Be("WaitAll");
        d.Variables.Should().ContainSingle().Which.TypeName.Should().Be("Some.Gone.Type, Gone.Assembly");
    }

    [Fact]
    public void Read_LiteralStringsAndTypedLiterals_KeepTheirJsonKind()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""
            { "id": "x", "type": "Elsa.FlowDecision",
              "asString": { "typeName": "Boolean", "expression": { "type": "Literal", "value": "True" } },
              "asBool": { "typeName": "Boolean", "expression": { "type": "Literal", "value": false } },
              "raw": 5 }
            """));

        Activity(d, "x").Input("asString").Expression!.Value!.GetValue<string>().Should().Be("True");
        Activity(d, "x").Input("asBool").Expression!.Value!.GetValue<bool>().Should().BeFalse();
        var raw = Activity(d, "x").Input("raw");
        raw.Presence.Should().Be(InputPresence.Set);
        raw.Expression!.Type.Should().Be("Literal");
        raw.Expression.Value!.GetValue<int>().Should().Be(5);
    }

    [Fact]
    public void Read_ObjectExpression_KeepsJsonInString()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""
            { "id": "h", "type": "Elsa.HttpEndpoint",
              "supportedMethods": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"GET\",\"POST\"]" } } }
            """));

        var methods = Activity(d, "h").Input("supportedMethods").Expression!;
        methods.Type.Should().Be("Object");
        methods.Value!.GetValue<string>().Should().Be("[\"GET\",\"POST\"]");
    }

    [Fact]
    public void Read_VariableExpression_StringAndObjectForms()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""
            { "id": "s", "type": "Elsa.WriteLine",
              "text": { "typeName": "String", "expression": { "type": "Variable", "value": "{\"id\":\"v1\",\"name\":\"X\"}" } },
              "other": { "typeName": "String", "expression": { "type": "Variable", "value": { "id": "v1", "name": "X" } } } }
            """));

        Activity(d, "s").Input("text").Expression!.Value!.GetValue<string>().Should().Contain("\"v1\"");
        Activity(d, "s").Input("other").Expression!.Value.Should().BeOfType<JsonObject>();
    }

    [Fact]
    public void Read_NullAbsentAndIncompleteInputs_AreDistinguished()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""
            { "id": "a", "type": "Elsa.WriteLine", "text": null,
              "noTypeName": { "expression": { "type": "Literal", "value": "x" } },
              "noExpressionType": { "typeName": "String", "expression": { "value": "x" } } }
            """));

        var a = Activity(d, "a");
        a.Input("text").Presence.Should().Be(InputPresence.Null);
        a.Input("missing").Presence.Should().Be(InputPresence.Absent);
        a.Input("noTypeName").Presence.Should().Be(InputPresence.Null);
        a.Input("noExpressionType").Presence.Should().Be(InputPresence.Null);
    }

    [Fact]
    public void Read_ActivityWithoutMetadataOrCustomProperties_Loads()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""{ "id": "bare", "type": "Elsa.End" }"""));

        Activity(d, "bare").DisplayName.Should().Be("bare");
        Activity(d, "bare").CanStartWorkflow.Should().BeFalse();
    }

    [Fact]
    public void Read_ObsoleteInputs_AreIgnoredButKept()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""
            { "id": "delay", "type": "Elsa.Delay", "strategy": { "typeName": "Object", "expression": { "type": "Literal", "value": "x" } },
              "autoBlockingThreshold": null, "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "00:00:05" } } }
            """));

        Activity(d, "delay").Input("timeSpan").Expression!.Value!.GetValue<string>().Should().Be("00:00:05");
        Activity(d, "delay").Json.Should().ContainKey("strategy");
    }

    [Theory]
    [InlineData("b039045bb7443e57")]
    [InlineData("0975a7e7cff7421ea03d1cc0247db02b")]
    [InlineData("Xk3fA9_bQ-2mWZ1cR7tYpA")]
    [InlineData("WriteLine1")]
    [InlineData("12ab")]
    public void Read_IdsInAnyFormat_AreOpaque(string id)
    {
        var d = WorkflowDefinitionReader.Read(Definition(
            $$"""{ "id": "{{id}}", "type": "Elsa.Start" }, { "id": "end", "type": "Elsa.End" }""",
            $$"""[ { "source": { "activity": "{{id}}", "port": "Done" }, "target": { "activity": "end", "port": "In" } } ]"""));

        d.FindActivity(id).Should().NotBeNull();
        d.Root.Connections.Should().ContainSingle().Which.SourceId.Should().Be(id);
    }

    [Fact]
    public void Read_DanglingConnection_IsDroppedWithWarning()
    {
        var d = WorkflowDefinitionReader.Read(Definition(TwoWriteLines, """
            [ { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } },
              { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "ghost", "port": "In" } } ]
            """));

        d.Root.Connections.Should().Equal(new Connection("a", "Done", "b", "In"));
        d.ReaderWarnings.Should().ContainSingle().Which.Should().Contain("ghost");
    }

    [Fact]
    public void Read_ConnectionWithoutPort_HasNullSourcePort()
    {
        var d = WorkflowDefinitionReader.Read(Definition(TwoWriteLines, """
            [ { "source": { "activity": "a" }, "target": { "activity": "b" } } ]
            """));

        d.Root.Connections.Should().Equal(new Connection("a", null, "b", null));
    }

    [Theory]
    [InlineData("{ \"id\": ")]
    [InlineData("not json")]
    [InlineData("")]
    public void Read_MalformedJson_ThrowsDefinitionFormatException(string json)
    {
        var act = () => WorkflowDefinitionReader.Read(json);

        act.Should().Throw<DefinitionFormatException>().WithMessage("The definition is not valid JSON*");
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{ \"id\": \"x\" }", "no 'root'")]
    [InlineData("{ \"root\": { \"id\": \"fc\", \"type\": \"Elsa.Flowchart\" } }", "neither 'definitionId' nor 'id'")]
    [InlineData("{ \"id\": \"x\", \"root\": { \"id\": \"fc\" } }", "no 'type'")]
    public void Read_StructurallyWrong_ThrowsClearMessage(string json, string expected)
    {
        var act = () => WorkflowDefinitionReader.Read(json);

        act.Should().Throw<DefinitionFormatException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Read_TenThousandNestedArrays_ThrowsFormatExceptionNotStackOverflow()
    {
        var json = "{ \"id\": \"x\", \"root\": { \"id\": \"fc\", \"type\": \"Elsa.Flowchart\", \"deep\": "
                   + new string('[', 10_000) + new string(']', 10_000) + " } }";

        var act = () => WorkflowDefinitionReader.Read(json);

        act.Should().Throw<DefinitionFormatException>().WithMessage("*depth*");
    }

    [Fact]
    public void Read_DeeplyNestedFlowcharts_ThrowsFormatException()
    {
        var json = "{}";
        for (var i = 0; i < 200; i++)
        {
            json = $$"""{ "id": "n{{i}}", "type": "Elsa.FlowNode", "body": {{json}} }""".Replace("\"body\": {}", "\"body\": null", StringComparison.Ordinal);
        }

        var act = () => WorkflowDefinitionReader.Read($$"""{ "id": "x", "root": {{json}} }""");

        act.Should().Throw<DefinitionFormatException>();
    }

    [Fact]
    public void Read_StudioSaveBody_UnwrapsModel()
    {
        var d = WorkflowDefinitionReader.Read($$"""{ "model": {{Definition(TwoWriteLines)}}, "publish": true }""");

        d.DefinitionId.Should().Be("d1");
        d.Source.Should().ContainKey("root").And.NotContainKey("model");
    }

    [Fact]
    public void Read_NestedFlowchartInFlowNodeBody_IsAnEmbeddedPort()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""
            { "id": "node", "type": "Elsa.FlowNode", "body": { "id": "inner", "type": "Elsa.Flowchart",
              "activities": [ { "id": "ev", "type": "Elsa.Event" } ], "connections": [] } }
            """));

        var inner = Activity(d, "node").EmbeddedPorts["body"];
        inner.Activities.Should().ContainSingle().Which.NodeId.Should().Be("Workflow1:fc:node:inner:ev");
        d.FindActivity("ev").Should().NotBeNull();
    }

    [Fact]
    public void Read_SetVariableVariableObject_IsNotMistakenForAnActivity()
    {
        var d = WorkflowDefinitionReader.Read(Definition("""
            { "id": "sv", "type": "Elsa.SetVariable", "variable": { "id": "v1", "name": "Counter", "typeName": "Int32", "value": "0" } }
            """));

        Activity(d, "sv").EmbeddedPorts.Should().BeEmpty();
    }

    [Fact]
    public void Read_DuplicateActivityIds_ThrowClearMessage()
    {
        var act = () => WorkflowDefinitionReader.Read(Definition("""{ "id": "a", "type": "Elsa.Start" }, { "id": "a", "type": "Elsa.End" }"""));

        act.Should().Throw<DefinitionFormatException>().WithMessage("*share the id 'a'*");
    }

    [Fact]
    public void Read_VariablesAndArguments_AreRead()
    {
        var d = WorkflowDefinitionReader.Read(Definition(TwoWriteLines, extra: """
            "variables": [ { "id": "v1", "name": "Counter", "typeName": "Int32", "isArray": false, "value": "0" },
                           { "id": "v2", "name": "Numbers", "typeName": "Int32", "isArray": true, "value": [1, 2] } ],
            "inputs": [ { "type": "Int32", "name": "ProductId", "displayName": "Product ID" } ],
            "outputs": [ { "type": "Object", "name": "Product" } ],
            """));

        d.Variables.Should().Equal(
            new VariableDefinition("v1", "Counter", "Int32", false, "0", null),
            new VariableDefinition("v2", "Numbers", "Int32", true, "[1,2]", null));
        d.Inputs.Should().ContainSingle().Which.Should().Be(new ArgumentDefinition("ProductId", "Int32", false, "Product ID", null));
        d.Outputs.Should().ContainSingle().Which.Name.Should().Be("Product");
    }
}
