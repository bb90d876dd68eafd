using System.Net;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.ElsaApi;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Serilog.Events;
using static EmergencyWorkflows.Api.Tests.ElsaApi.ElsaModels;

namespace EmergencyWorkflows.Api.Tests.Definitions;

/// <summary>workflows/ files against versions edited in the Studio: an edit is never overwritten silently; export closes the loop.</summary>
public sealed class StudioSeedingTests : IDisposable
{
    private const string DefinitionId = "complaint-dispute";
    private readonly TempFolder folder = new();
    private readonly string workflows;

    public StudioSeedingTests()
    {
        workflows = folder.CreateWorkflowsFolder(includeScenarioWorkflows: false);
        File.SetLastWriteTimeUtc(FilePath, DateTime.UtcNow.AddDays(-1));
    }

    private string FilePath => Path.Combine(workflows, DefinitionId + ".json");

    [Fact]
    public async Task Restart_StudioEditNewerThanFile_KeepsEditAndLogsWarning()
    {
        await EditInStudioAsync("edited in the studio");

        using var restarted = new ApiFactory(folder.Path, workflows);
        using var client = restarted.CreateClient();
        var latest = await client.GetElsaAsync($"/workflow-definitions/by-definition-id/{DefinitionId}?versionOptions=Latest");

        ((int)latest["version"]!).Should().Be(2);
        ((string?)latest["root"]!["activities"]![1]!["text"]!["expression"]!["value"]).Should().Be("edited in the studio");
        restarted.Sink.Events.Should().Contain(e => e.Level == LogEventLevel.Warning
            && e.MessageTemplate.Text.Contains("the stored edit is kept", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_FileWrittenAfterStudioEdit_ImportsFileAsNextVersion()
    {
        await EditInStudioAsync("edited in the studio");
        var file = JsonNode.Parse(await File.ReadAllTextAsync(FilePath))!.AsObject();
        file["name"] = "Changed in git";
        await File.WriteAllTextAsync(FilePath, file.ToJsonString());
        File.SetLastWriteTimeUtc(FilePath, DateTime.UtcNow.AddHours(1));

        using var restarted = new ApiFactory(folder.Path, workflows);
        using var client = restarted.CreateClient();
        var latest = await client.GetElsaAsync($"/workflow-definitions/by-definition-id/{DefinitionId}?versionOptions=Latest");

        ((int)latest["version"]!).Should().Be(3);
        ((string?)latest["name"]).Should().Be("Changed in git");
    }

    [Fact]
    public async Task Export_StudioEdit_WritesFileThatTheNextStartDoesNotImportAgain()
    {
        using (var factory = new ApiFactory(folder.Path, workflows))
        {
            using var client = factory.CreateClient();
            await client.SavedAsync(Waiting(DefinitionId, "Complaint or dispute", "exported edit"), publish: true);

            using var export = await client.PostAsync($"/api/definitions/{DefinitionId}/export", null);
            var body = await export.ReadJsonAsync();
            export.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
            ((string?)body["path"]).Should().Be($"{Path.GetFileName(workflows)}/{DefinitionId}.json".Replace(Path.GetFileName(workflows), workflows.TrimEnd('/'), StringComparison.Ordinal));
        }

        var file = JsonNode.Parse(await File.ReadAllTextAsync(FilePath))!.AsObject();
        ((string?)file["root"]!["activities"]![1]!["text"]!["expression"]!["value"]).Should().Be("exported edit");
        file.ContainsKey("links").Should().BeFalse();

        using var restarted = new ApiFactory(folder.Path, workflows);
        using var again = restarted.CreateClient();
        var latest = await again.GetElsaAsync($"/workflow-definitions/by-definition-id/{DefinitionId}?versionOptions=Latest");
        ((int)latest["version"]!).Should().Be(2, "the exported file has the stored content");
        ((bool)latest["isPublished"]!).Should().BeTrue();
    }

    [Fact]
    public async Task Export_UnknownDefinition_Answers404Problem()
    {
        using var factory = new ApiFactory(folder.Path, workflows);
        using var client = factory.CreateClient();

        using var export = await client.PostAsync("/api/definitions/no-such-definition/export", null);

        await export.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task EditInStudioAsync(string text)
    {
        using var factory = new ApiFactory(folder.Path, workflows);
        using var client = factory.CreateClient();
        var saved = await client.SavedAsync(Waiting(DefinitionId, "Complaint or dispute", text), publish: true);
        ((int)saved["version"]!).Should().Be(2);
    }

    public void Dispose() => folder.Dispose();
}
