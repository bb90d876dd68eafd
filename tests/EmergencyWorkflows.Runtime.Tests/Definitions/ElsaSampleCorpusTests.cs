using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Tests.Definitions;

public class ElsaSampleCorpusTests
{
    public static TheoryData<string> Samples => ElsaSampleCorpus.FileNames();

    private static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(ElsaSampleCorpus.Directory, file));

    private static JsonObject SourceWithoutApiFields(string file)
    {
        var source = (JsonObject)JsonNode.Parse(System.Text.Encoding.UTF8.GetString(Bytes(file)).TrimStart('\uFEFF'))!;
        source.Remove("$schema");
        source.Remove("links");
        return source;
    }

    [Fact]
    public void Corpus_HasTheTenSamples()
    {
        ElsaSampleCorpus.Files().Should().HaveCountGreaterThanOrEqualTo(10);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_Read_LoadsActivitiesAndConnections(string file)
    {
        var definition = WorkflowDefinitionReader.Read(Bytes(file));

        definition.Root.IsFlowchart.Should().BeTrue();
        definition.AllActivities().Should().HaveCountGreaterThan(1);
        var flowcharts = definition.AllActivities().Where(a => a.IsFlowchart).ToList();
        flowcharts.Sum(f => f.Connections.Count)
            .Should().Be(flowcharts.Sum(f => (f.Json["connections"] as JsonArray)?.Count ?? 0), "no sample has a dangling connection");
        definition.ReaderWarnings.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_WrittenBack_EqualsSourceWithoutApiFields(string file)
    {
        var definition = WorkflowDefinitionReader.Read(Bytes(file));

        var written = WorkflowDefinitionWriter.Write(definition);

        JsonNode.DeepEquals(SourceWithoutApiFields(file), written).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_WrittenStringReread_HasSameActivitiesAndConnections(string file)
    {
        var definition = WorkflowDefinitionReader.Read(Bytes(file));

        var reread = WorkflowDefinitionReader.Read(WorkflowDefinitionWriter.WriteString(definition));

        reread.AllActivities().Select(a => (a.Id, a.Type, a.Name, a.NodeId))
            .Should().Equal(definition.AllActivities().Select(a => (a.Id, a.Type, a.Name, a.NodeId)));
        reread.AllActivities().SelectMany(a => a.Connections)
            .Should().Equal(definition.AllActivities().SelectMany(a => a.Connections));
        reread.Variables.Should().Equal(definition.Variables);
        JsonNode.DeepEquals(reread.Source, WorkflowDefinitionWriter.Write(definition)).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_EveryExpression_IsSupportedAndChecksClean(string file)
    {
        var definition = WorkflowDefinitionReader.Read(Bytes(file));
        var evaluator = new ExpressionEvaluator();

        var problems = definition.AllActivities()
            .SelectMany(a => a.Json.Select(p => (Activity: a, Input: a.Input(p.Key))))
            .Where(x => x.Input.Expression is { } e && e.Type != "Literal")
            .Select(x => (x.Activity.Id, Error: evaluator.Check(x.Input.Expression!)))
            .Where(x => x.Error is not null)
            .ToList();

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Sample11_LiquidUrl_RendersDeclaredInput()
    {
        var definition = WorkflowDefinitionReader.Read(Bytes("11-liquid-httprequest-io.json"));
        var request = definition.AllActivities().Single(a => a.Type == "Elsa.FlowSendHttpRequest");
        var context = new Expressions.FakeExpressionContext(definition).WithInput("ProductId", 7);

        var url = new ExpressionEvaluator().Evaluate(request.Input("url").Expression!, context);

        url!.GetValue<string>().Should().Be("https://fakestoreapi.com/products/7");
    }

    [Fact]
    public void Sample04_SetVariableScript_IncrementsCounterDefault()
    {
        var definition = WorkflowDefinitionReader.Read(Bytes("04-variables-js-loop-legacyformat.json"));
        var setVariable = definition.AllActivities().Single(a => a.Type == "Elsa.SetVariable");
        var context = new Expressions.FakeExpressionContext(definition);

        var value = new ExpressionEvaluator().Evaluate(setVariable.Input("value").Expression!, context);

        ValueConverter.Convert(value, "Int32")!.GetValue<long>().Should().Be(1);
    }
}
