using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Definitions;

/// <summary>A workflows folder with broken files: the service still starts, lists them with their errors, refuses to run them.</summary>
public sealed class InvalidDefinitionTests : IDisposable
{
    private const string UnknownActivity = """
        {
          "definitionId": "ignored-the-file-name-wins",
          "name": "Uses an unknown activity",
          "toolVersion": "3.5.0.0",
          "root": {
            "id": "root1", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "s1", "type": "Elsa.Start", "version": 1 },
              { "id": "x1", "type": "Acme.DoesNotExist", "version": 1 }
            ],
            "connections": [ { "source": { "activity": "s1", "port": "Done" }, "target": { "activity": "x1", "port": "In" } } ]
          }
        }
        """;

    private readonly TempFolder folder = new();
    private readonly string workflows;

    public InvalidDefinitionTests()
    {
        workflows = folder.CreateWorkflowsFolder(includeScenarioWorkflows: false);
        File.WriteAllText(Path.Combine(workflows, "not-json.json"), "{ this is not json ");
        File.WriteAllText(Path.Combine(workflows, "no-root.json"), "{\"definitionId\": \"no-root\"}");
        File.WriteAllText(Path.Combine(workflows, "unknown-activity.json"), UnknownActivity);
    }

    [Fact]
    public async Task BrokenFiles_ServiceStarts_ListsThemWithErrorsAndRefusesToStartThem()
    {
        using var factory = new ApiFactory(folder.Path, workflows);
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);

        var list = (await client.GetFromJsonAsync<JsonArray>("/api/definitions"))!;
        foreach (var id in new[] { "not-json", "no-root", "unknown-activity" })
        {
            var entry = list.SingleOrDefault(d => (string?)d!["definitionId"] == id);
            entry.Should().NotBeNull($"{id} must be listed");
            ((bool)entry!["isValid"]!).Should().BeFalse();
            ((bool)entry["isPublished"]!).Should().BeFalse();
            entry["errors"]!.AsArray().Should().NotBeEmpty();

            using var start = await client.PostAsJsonAsync($"/api/workflows/{id}/instances", new { });
            var problem = await start.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
            problem["errors"]!.AsArray().Should().NotBeEmpty();
        }

        list.Single(d => (string?)d!["definitionId"] == "unknown-activity")!["errors"]!.ToJsonString()
            .Should().Contain("Acme.DoesNotExist");
        ((bool)list.Single(d => (string?)d!["definitionId"] == "personnel-safety")!["isPublished"]!).Should().BeTrue();
        await client.StartAsync("personnel-safety");
    }

    [Fact]
    public async Task Seeding_SameFilesTwice_KeepsVersionAndChangedFileGetsNextVersion()
    {
        using (var first = new ApiFactory(folder.Path, workflows))
        {
            using var client = first.CreateClient();
            (await VersionOfAsync(client, "complaint-dispute")).Should().Be(1);
        }

        using (var again = new ApiFactory(folder.Path, workflows))
        {
            using var client = again.CreateClient();
            (await VersionOfAsync(client, "complaint-dispute")).Should().Be(1, "an unchanged file is not imported again");
        }

        var file = Path.Combine(workflows, "complaint-dispute.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        json["description"] = "changed";
        File.WriteAllText(file, json.ToJsonString());

        using var changed = new ApiFactory(folder.Path, workflows);
        using var changedClient = changed.CreateClient();
        (await VersionOfAsync(changedClient, "complaint-dispute")).Should().Be(2);
        var detail = (await changedClient.GetFromJsonAsync<JsonObject>("/api/definitions/complaint-dispute"))!;
        detail["versions"]!.AsArray().Should().HaveCount(2);
    }

    private static async Task<int> VersionOfAsync(HttpClient client, string definitionId)
    {
        var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/definitions/{definitionId}"))!;
        return (int)detail["version"]!;
    }

    public void Dispose() => folder.Dispose();
}
