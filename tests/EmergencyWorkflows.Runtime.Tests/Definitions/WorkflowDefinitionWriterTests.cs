using System.Text;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Tests.Definitions;

public class WorkflowDefinitionWriterTests
{
    private const string Source = """
        {
          "$schema": "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
          "links": [ { "rel": "self" } ],
          "id": "v1", "definitionId": "d1", "name": "应急预案", "version": 2, "isLatest": true, "isPublished": false,
          "customProperties": { "Elsa:WorkflowContextProviderTypes": [] },
          "somethingUnknown": { "keep": [1, 2.50, "x"] },
          "root": { "id": "fc", "type": "Elsa.Flowchart",
            "metadata": { "designer": { "position": { "x": -231.8, "y": 269 } } },
            "activities": [
              { "id": "a", "type": "Elsa.WriteLine", "metadata": { "displayText": "通知 <b>&</b>" },
                "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Hello" } } },
              { "id": "b", "type": "Elsa.End" } ],
            "connections": [ { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" },
                               "vertices": [ { "x": 120.5, "y": -40 } ] } ] }
        }
        """;

    private static readonly WorkflowDefinition Read = WorkflowDefinitionReader.Read(Source);

    [Fact]
    public void Write_NoOverrides_KeepsEverythingButSchemaAndLinks()
    {
        var expected = JsonNode.Parse(Source)!.AsObject();
        expected.Remove("$schema");
        expected.Remove("links");

        JsonNode.DeepEquals(WorkflowDefinitionWriter.Write(Read), expected).Should().BeTrue();
    }

    [Fact]
    public void Write_Result_IsACopyOfTheSource()
    {
        var written = WorkflowDefinitionWriter.Write(Read);
        written["name"] = "changed";

        Read.Source["name"]!.GetValue<string>().Should().Be("应急预案");
        Read.Source.Should().ContainKey("$schema");
    }

    [Fact]
    public void Write_WithOverrides_ReplacesIdentityFields()
    {
        var written = WorkflowDefinitionWriter.Write(Read, new DefinitionIdentity("v9", "d9", 9, false, true, "Renamed"));

        written["id"]!.GetValue<string>().Should().Be("v9");
        written["definitionId"]!.GetValue<string>().Should().Be("d9");
        written["version"]!.GetValue<int>().Should().Be(9);
        written["isLatest"]!.GetValue<bool>().Should().BeFalse();
        written["isPublished"]!.GetValue<bool>().Should().BeTrue();
        written["name"]!.GetValue<string>().Should().Be("Renamed");
        JsonNode.DeepEquals(written["root"], Read.Source["root"]).Should().BeTrue();
    }

    [Fact]
    public void Write_PartialOverrides_KeepOtherFields()
    {
        var written = WorkflowDefinitionWriter.Write(Read, new DefinitionIdentity(Version: 3));

        written["version"]!.GetValue<int>().Should().Be(3);
        written["id"]!.GetValue<string>().Should().Be("v1");
        written["name"]!.GetValue<string>().Should().Be("应急预案");
        written["isPublished"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void Write_OverridesOnSourceWithoutIdentity_AddsFields()
    {
        var bare = WorkflowDefinitionReader.Read("""{ "definitionId": "d", "root": { "id": "fc", "type": "Elsa.Flowchart" } }""");

        var written = WorkflowDefinitionWriter.Write(bare, new DefinitionIdentity(Id: "new", IsLatest: true));

        written["id"]!.GetValue<string>().Should().Be("new");
        written["isLatest"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void WriteString_IsIndentedAndKeepsNonAsciiReadable()
    {
        var text = WorkflowDefinitionWriter.WriteString(Read);

        text.Should().Contain("\n  \"id\": \"v1\"");
        text.Should().Contain("应急预案").And.Contain("通知 <b>&</b>");
        text.Should().NotContain("\\u");
    }

    [Fact]
    public void WriteString_RoundTrips()
    {
        var again = WorkflowDefinitionReader.Read(WorkflowDefinitionWriter.WriteString(Read));

        JsonNode.DeepEquals(again.Source, WorkflowDefinitionWriter.Write(Read)).Should().BeTrue();
        again.Root.Connections.Should().Equal(Read.Root.Connections);
    }

    [Fact]
    public void WriteUtf8_HasNoByteOrderMark()
    {
        var bytes = WorkflowDefinitionWriter.WriteUtf8(Read);

        bytes.Take(3).Should().NotEqual(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(bytes).Should().StartWith("{").And.Contain("应急预案");
    }
}
