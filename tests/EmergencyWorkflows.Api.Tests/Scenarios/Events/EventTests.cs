using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Scenarios.Events;

[Collection(SharedHostCollection.Name)]
public class EventTests(SharedHost host)
{
    [Fact]
    public async Task RaiseEvent_ByCorrelationId_ResumesOnlyThatInstance()
    {
        var correlationId = Guid.NewGuid().ToString("N");
        var target = await host.Client.StartAsync("event-wait", new { correlationId });
        var bystander = await host.Client.StartAsync("event-wait", new { correlationId = Guid.NewGuid().ToString("N") });

        using var response = await host.Client.PostAsJsonAsync("/api/events/incident-closed", new { correlationId, payload = new { by = "lead" } });
        var body = await response.ReadJsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["resumed"]!.AsArray().Select(n => (string?)n).Should().Equal(target.Id());
        (await host.Client.GetInstanceAsync(target.Id())).Status().Should().Be("Finished");
        (await host.Client.GetInstanceAsync(bystander.Id())).Status().Should().Be("Running");
    }

    [Fact]
    public async Task RaiseEvent_ForOneInstance_ResumesIt()
    {
        var started = await host.Client.StartAsync("event-wait");

        using var response = await host.Client.PostAsJsonAsync($"/api/instances/{started.Id()}/events/incident-closed", new { payload = 1 });
        var body = await response.ReadJsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body["resumed"]!.AsArray().Select(n => (string?)n).Should().Equal(started.Id());
        (await host.Client.GetInstanceAsync(started.Id())).Status().Should().Be("Finished");
    }

    [Fact]
    public async Task RaiseEvent_ForInstanceNotWaitingForIt_ConflictProblem()
    {
        var started = await host.Client.StartAsync("event-wait");

        using var response = await host.Client.PostAsJsonAsync($"/api/instances/{started.Id()}/events/something-else", new JsonObject());

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await host.Client.GetInstanceAsync(started.Id())).Status().Should().Be("Running");
    }

    [Fact]
    public async Task RaiseEvent_NobodyWaiting_EmptyResumedList()
    {
        using var response = await host.Client.PostAsJsonAsync($"/api/events/{Guid.NewGuid():N}", new JsonObject());
        var body = await response.ReadJsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body["resumed"]!.AsArray().Should().BeEmpty();
    }
}
