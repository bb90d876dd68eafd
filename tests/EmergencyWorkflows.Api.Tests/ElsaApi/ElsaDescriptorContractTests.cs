using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.ElsaApi;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.ElsaApi;

/// <summary>Descriptors the editor loads at start-up (docs/elsa-studio-api.md §5.2, §6.1).</summary>
[Collection(SharedHostCollection.Name)]
public class ElsaDescriptorContractTests(SharedHost host)
{
    [Fact]
    public async Task Activities_EveryRegisteredActivity_IsDescribedWithPortsAndBrowsableInputs()
    {
        var registry = host.Factory.Services.GetRequiredService<ActivityRegistry>();

        var body = await host.Client.GetElsaAsync("/descriptors/activities?Refresh=True");

        var items = body["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        ((int)body["count"]!).Should().Be(items.Count);
        items.Select(i => (string?)i["typeName"]).Should().BeEquivalentTo(registry.Activities.Select(a => a.Descriptor.TypeName));
        var writeLine = items.Single(i => (string?)i["typeName"] == "Elsa.WriteLine");
        ((string?)writeLine["namespace"]).Should().Be("Elsa");
        ((string?)writeLine["name"]).Should().Be("WriteLine");
        ((string?)writeLine["category"]).Should().Be("Console");
        ((string?)writeLine["kind"]).Should().Be("Action");
        ((bool)writeLine["isBrowsable"]!).Should().BeTrue("the palette hides activities that are not browsable");
        var text = writeLine["inputs"]!.AsArray().Single()!;
        ((string?)text["name"]).Should().Be("Text", "Studio camelCases descriptor input names into the JSON property");
        ((bool)text["isBrowsable"]!).Should().BeTrue();
        ((bool)text["isWrapped"]!).Should().BeTrue();
        writeLine["ports"]!.AsArray().Select(p => ((string?)p!["name"], (string?)p["type"])).Should().Equal(("Done", "Flow"));

        var decision = items.Single(i => (string?)i["typeName"] == "Elsa.FlowDecision");
        decision["ports"]!.AsArray().Select(p => (string?)p!["name"]).Should().Equal("True", "False");
        items.Single(i => (string?)i["typeName"] == "Elsa.End")["ports"]!.AsArray().Should().BeEmpty("a terminal node has no outgoing port");
        ((bool)items.Single(i => (string?)i["typeName"] == "Elsa.Flowchart")["isContainer"]!).Should().BeTrue();

        var join = items.Single(i => (string?)i["typeName"] == "Elsa.FlowJoin")["inputs"]!.AsArray().Single()!;
        ((string?)join["uiHint"]).Should().Be("dropdown");
        join["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray().Select(o => (string?)o!["value"])
            .Should().BeEquivalentTo("WaitAny", "WaitAll", "WaitAllActive");
        var variable = items.Single(i => (string?)i["typeName"] == "Elsa.SetVariable")["inputs"]!.AsArray().First()!;
        ((string?)variable["uiHint"]).Should().Be("variable-picker");
        ((bool)variable["isWrapped"]!).Should().BeFalse();
    }

    [Fact]
    public async Task Activities_HumanTask_OffersItsChineseTextsToTheDesigner()
    {
        var body = await host.Client.GetElsaAsync("/descriptors/activities?Refresh=True");

        var task = body["items"]!.AsArray().Single(i => (string?)i!["typeName"] == "Emergency.HumanTask")!;
        var inputs = task["inputs"]!.AsArray().ToDictionary(i => (string)i!["name"]!, i => i!);
        ((string?)inputs["TitleZh"]["uiHint"]).Should().Be("singleline");
        ((string?)inputs["InstructionsZh"]["uiHint"]).Should().Be("multiline");
        ((string?)inputs["OutcomeLabels"]["uiHint"]).Should().Be("json-editor");
        ((string?)inputs["OutcomeLabels"]["description"]).Should().Contain("labelZh");
        ((string?)inputs["FormFields"]["description"]).Should().Contain("labelZh");
        inputs.Keys.Should().ContainInOrder("Title", "TitleZh", "Instructions", "InstructionsZh");
    }

    [Fact]
    public void Activity_AddedToRegistry_GetsDescriptorWithItsUiHints()
    {
        var registry = new ActivityRegistry([.. ActivityRegistry.BuiltIn(), new ProbeActivity()]);

        var item = new ElsaDescriptors(registry).Activities["items"]!.AsArray()
            .Single(i => (string?)i!["typeName"] == "Emergency.Probe")!;

        ((string?)item["namespace"]).Should().Be("Emergency");
        ((string?)item["category"]).Should().Be("Emergency");
        ((string?)item["displayName"]).Should().Be("Probe");
        var inputs = item["inputs"]!.AsArray().ToDictionary(i => (string)i!["name"]!, i => i!);
        ((string?)inputs["Instructions"]["uiHint"]).Should().Be("multiline");
        ((string?)inputs["Notify"]["uiHint"]).Should().Be("checkbox", "a Boolean without a hint is a checkbox");
        ((string?)inputs["Grade"]["uiHint"]).Should().Be("dropdown");
        inputs["Grade"]["uiSpecifications"]!["dropdown"]!["selectList"]!["items"]!.AsArray()
            .Select(o => ((string?)o!["text"], (string?)o["value"])).Should().Equal(("I", "I"), ("II", "II"));
        ((string?)inputs["Target"]["uiHint"]).Should().Be("variable-picker");
        ((int)inputs["Target"]["order"]!).Should().Be(3);
        item["outputs"]!.AsArray().Select(o => (string?)o!["name"]).Should().Equal("Result");
        item["ports"]!.AsArray().Select(p => (string?)p!["name"]).Should().Equal("Acknowledged", "Breached");
    }

    [Fact]
    public async Task ExpressionDescriptors_ListTheLanguagesTheRuntimeEvaluates()
    {
        var body = await host.Client.GetElsaAsync("/descriptors/expression-descriptors");

        var items = body["items"]!.AsArray();
        ((int)body["count"]!).Should().Be(5);
        items.Select(i => (string?)i!["type"]).Should().Equal("Literal", "Object", "JavaScript", "Liquid", "Variable");
        items.Should().OnlyContain(i => (bool)i!["isBrowsable"]! && (bool)i["isSerializable"]!);
        ((string?)items.Single(i => (string?)i!["type"] == "Object")!["properties"]!["MonacoLanguage"]).Should().Be("json");
    }

    [Theory]
    [InlineData("/descriptors/workflow-activation-strategies", "typeName", true)]
    [InlineData("/descriptors/log-persistence-strategies", "typeName", true)]
    [InlineData("/descriptors/incident-strategies", "typeName", true)]
    [InlineData("/descriptors/commit-strategies/workflows", null, true)]
    [InlineData("/descriptors/commit-strategies/activities", null, true)]
    [InlineData("/features/installed", null, true)]
    [InlineData("/descriptors/variables", "typeName", false)]
    [InlineData("/descriptors/storage-drivers", "typeName", false)]
    public async Task Descriptors_StartupAndSideTabLists_HaveTheirEnvelope(string path, string? itemKey, bool hasCount)
    {
        var body = await host.Client.GetElsaAsync(path);

        var items = body["items"]!.AsArray();
        body.ContainsKey("count").Should().Be(hasCount);
        if (hasCount)
        {
            ((int)body["count"]!).Should().Be(items.Count);
        }

        if (itemKey is not null)
        {
            items.Should().NotBeEmpty().And.OnlyContain(i => !string.IsNullOrEmpty((string?)i![itemKey]));
        }
    }

    [Fact]
    public async Task IncidentStrategies_NameTheTwoTheRuntimeHonours()
    {
        var body = await host.Client.GetElsaAsync("/descriptors/incident-strategies");

        body["items"]!.AsArray().Select(i => (string?)i!["typeName"]).Should().Contain(t => t!.Contains("ContinueWithIncidentsStrategy"))
            .And.Contain(t => t!.Contains("FaultStrategy"));
    }

    private sealed class ProbeActivity : Activity
    {
        public override ActivityDescriptor Descriptor { get; } = new()
        {
            TypeName = "Emergency.Probe",
            Category = "Emergency",
            DisplayName = "Probe",
            Description = "A test activity.",
            Inputs =
            [
                new("instructions", "String", UiHint: "multiline"),
                new("notify", "Boolean"),
                new("grade", "String", UiHint: "dropdown", Options: ["I", "II"]),
                new("target", "Variable", UiHint: "variable-picker", IsWrapped: false),
            ],
            Outputs = [new("result", "Object")],
            Outcomes = ["Acknowledged", "Breached"],
        };

        public override void Execute(ActivityExecutionContext context)
        {
        }
    }
}
