using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Scenarios.DelayTimer;

[Collection(SharedHostCollection.Name)]
public class DelayTimerTests(SharedHost host)
{
    [Fact]
    public async Task DelayOneSecond_WokenByHangfire_Finishes()
    {
        var started = await host.Client.StartAsync("delay-one-second");
        var delay = started.Bookmarks("Elsa.Delay").Should().ContainSingle().Subject;
        delay["dueAt"].Should().NotBeNull();
        started.Status().Should().Be("Running");

        var finished = await Settle.UntilAsync(
            () => host.Client.GetInstanceAsync(started.Id()),
            instance => instance.Status() == "Finished",
            TimeSpan.FromSeconds(10),
            "the Delay's timer job to run and finish the instance");

        finished.SubStatus().Should().Be("Finished");
        finished.Bookmarks().Should().BeEmpty();
    }
}
