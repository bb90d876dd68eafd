using System.Net;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Scenarios.Cancellation;

[Collection(SharedHostCollection.Name)]
public class CancellationTests(SharedHost host)
{
    [Fact]
    public async Task Cancel_RunningInstance_CancelledThenConflictOnSecondCancel()
    {
        var started = await host.Client.StartAsync("service-interruption");

        using var first = await host.Client.PostAsync($"/api/instances/{started.Id()}/cancel", null);
        var cancelled = (await first.ReadJsonAsync()).AsObject();

        first.StatusCode.Should().Be(HttpStatusCode.OK, cancelled.ToJsonString());
        cancelled.Status().Should().Be("Finished");
        cancelled.SubStatus().Should().Be("Cancelled");
        cancelled.Bookmarks().Should().BeEmpty();

        using var second = await host.Client.PostAsync($"/api/instances/{started.Id()}/cancel", null);
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancel_UnknownInstance_NotFoundProblem()
    {
        using var response = await host.Client.PostAsync("/api/instances/no-such-instance/cancel", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
