using EmergencyWorkflows.Api.Scheduling;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Api.Tests.Scheduling;

/// <summary>
/// Hangfire runs jobs at least once, and two nodes may arm the same timer: every wake path must have one effect.
/// The timer port drops wake-ups here, so the only wakes are the ones each test makes, on a fake clock it moves.
/// </summary>
public sealed class TimerWakeIdempotencyTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task TimerWakeJob_SameTimerRunTwiceConcurrently_FiresOnce()
    {
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false),
            TimerTestKit.Swap(clock, new DroppingTimerScheduler()));
        using var client = factory.CreateClient();
        var started = await client.StartAsync("delay-one-second");
        var bookmarkId = started.DelayBookmarkId();
        clock.Advance(TimeSpan.FromSeconds(2));

        var first = factory.Services.GetRequiredService<TimerWakeJob>();
        var second = factory.Services.GetRequiredService<TimerWakeJob>();
        await Task.WhenAll(
            Task.Run(() => first.RunAsync(started.Id(), bookmarkId, CancellationToken.None)),
            Task.Run(() => second.RunAsync(started.Id(), bookmarkId, CancellationToken.None)));

        factory.FiredEvents(bookmarkId).Should().ContainSingle();
        factory.ResumedEvents(started.Id()).Should().ContainSingle();
        var finished = await client.GetInstanceAsync(started.Id());
        finished.Status().Should().Be("Finished");
    }

    [Fact]
    public async Task TimerWaker_InProcessAndHangfireWakeTogether_OneResumesOneFindsItConsumed()
    {
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false),
            TimerTestKit.Swap(clock, new DroppingTimerScheduler()));
        using var client = factory.CreateClient();
        var started = await client.StartAsync("delay-one-second");
        var bookmarkId = started.DelayBookmarkId();
        clock.Advance(TimeSpan.FromSeconds(2));

        var waker = factory.Services.GetRequiredService<TimerWaker>();
        var results = await Task.WhenAll(
            Task.Run(() => waker.WakeAsync(started.Id(), bookmarkId, CancellationToken.None)),
            Task.Run(() => waker.WakeAsync(started.Id(), bookmarkId, CancellationToken.None)));

        results.Should().BeEquivalentTo(new ResumeStatus?[] { ResumeStatus.Resumed, ResumeStatus.AlreadyConsumed });
        factory.ResumedEvents(started.Id()).Should().ContainSingle();
    }

    [Fact]
    public async Task TimerWaker_TwoNodesOnOneDatabaseWakeTheSameTimer_FiresOnce()
    {
        var workflows = folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false);
        using var nodeA = new ApiFactory(folder.Path, workflows, TimerTestKit.Swap(clock, new DroppingTimerScheduler()));
        using var clientA = nodeA.CreateClient();
        using var nodeB = new ApiFactory(folder.Path, workflows, TimerTestKit.Swap(clock, new DroppingTimerScheduler()));
        using var clientB = nodeB.CreateClient();
        var started = await clientA.StartAsync("delay-one-second");
        var bookmarkId = started.DelayBookmarkId();
        clock.Advance(TimeSpan.FromSeconds(2));

        var wakerA = nodeA.Services.GetRequiredService<TimerWaker>();
        var wakerB = nodeB.Services.GetRequiredService<TimerWaker>();
        var results = await Task.WhenAll(
            Task.Run(() => wakerA.WakeAsync(started.Id(), bookmarkId, CancellationToken.None)),
            Task.Run(() => wakerB.WakeAsync(started.Id(), bookmarkId, CancellationToken.None)));

        results.Count(r => r == ResumeStatus.Resumed).Should().Be(1);
        results.Should().OnlyContain(r => r == ResumeStatus.Resumed || r == ResumeStatus.AlreadyConsumed);
        (nodeA.ResumedEvents(started.Id()).Count + nodeB.ResumedEvents(started.Id()).Count).Should().Be(1);
        (await clientB.GetInstanceAsync(started.Id())).Status().Should().Be("Finished");
    }

    public void Dispose() => folder.Dispose();
}
