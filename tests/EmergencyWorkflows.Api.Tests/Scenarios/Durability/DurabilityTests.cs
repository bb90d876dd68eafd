using System.Net;
using System.Net.Http.Json;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Scenarios.Durability;

/// <summary>An instance waiting on a bookmark survives the process: a new host on the same SQLite file resumes it.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task WaitingInstance_HostRestartedOnSameDatabase_ResumesWithVariablesIntact()
    {
        var workflows = folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false);
        string instanceId;
        string taskId;
        using (var first = new ApiFactory(folder.Path, workflows))
        {
            using var client = first.CreateClient();
            var started = await client.StartAsync("durable-approval", new { correlationId = "restart-1" });
            instanceId = started.Id();
            taskId = (string)started.Bookmarks("Elsa.RunTask").Single()["key"]!;
            ((string?)started["variables"]!["Note"]).Should().Be("set before the restart");
        }

        using var second = new ApiFactory(folder.Path, workflows);
        using var restarted = second.CreateClient();

        var reloaded = await restarted.GetInstanceAsync(instanceId);
        reloaded.Status().Should().Be("Running");
        reloaded.Bookmarks("Elsa.RunTask").Select(b => (string?)b["key"]).Should().Equal(taskId);

        using var response = await restarted.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { result = "approved" });
        var finished = (await response.ReadJsonAsync()).AsObject();

        response.StatusCode.Should().Be(HttpStatusCode.OK, finished.ToJsonString());
        finished.Status().Should().Be("Finished");
        ((string?)finished["variables"]!["Note"]).Should().Be("set before the restart");
        ((int?)finished["variables"]!["Counter"]).Should().Be(41);
        ((string?)finished["correlationId"]).Should().Be("restart-1");

        using var again = await restarted.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { result = "approved twice" });
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    public void Dispose() => folder.Dispose();
}
