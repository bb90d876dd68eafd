using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Scenarios.DelayTimer;

/// <summary>The timers table is the truth: a timer armed in a host that went away is re-armed by the next one.</summary>
public sealed class TimerRearmTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task PendingDelay_HostRestarted_NewHostRearmsAndFinishesIt()
    {
        var workflows = folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false);
        string instanceId;
        using (var first = new ApiFactory(folder.Path, workflows))
        {
            using var client = first.CreateClient();
            var started = await client.StartAsync("delay-one-second");
            instanceId = started.Id();
            started.Bookmarks("Elsa.Delay").Should().ContainSingle();
        }

        // The first host's in-memory Hangfire jobs died with it; only the stored timer row remains.
        using var second = new ApiFactory(folder.Path, workflows);
        using var restarted = second.CreateClient();

        var finished = await Settle.UntilAsync(
            () => restarted.GetInstanceAsync(instanceId),
            instance => instance.Status() == "Finished",
            TimeSpan.FromSeconds(10),
            "the re-armed timer to fire in the new host");
        finished.Bookmarks().Should().BeEmpty();
        second.Sink.Events.Should().Contain(e => e.MessageTemplate.Text.StartsWith("Re-armed", StringComparison.Ordinal)
            && e.Properties["TimerCount"].ToString() == "1");
    }

    public void Dispose() => folder.Dispose();
}
