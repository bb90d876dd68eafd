using EmergencyWorkflows.Api.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Scheduling;

/// <summary>A near timer fires from the in-process arm, not after a Hangfire polling round.</summary>
public sealed class PromptWakeTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task DelayTimer_HangfirePollingEvery15Seconds_FiresWithinASecondOfItsDueTime()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hangfire:SchedulePollingInterval"] = "00:00:15",
            ["Timers:HandOverLead"] = "00:00:20",
        };
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false), settings: settings);
        using var client = factory.CreateClient();
        var started = await client.StartAsync("delay-one-second");
        var dueAt = (DateTimeOffset)started.Bookmarks("Elsa.Delay").Single()["dueAt"]!;

        var finished = await Settle.UntilAsync(
            () => client.GetInstanceAsync(started.Id()),
            instance => instance.Status() == "Finished",
            TimeSpan.FromSeconds(10),
            "the in-process arm to fire the Delay");

        // finishedAt is stamped by the resume's burst: its distance from dueAt is the timer's lateness. The bound is
        // loose for a loaded 2-core test machine, yet 15 times tighter than a Hangfire poll (the bench measures p99).
        var finishedAt = (DateTimeOffset)finished["finishedAt"]!;
        (finishedAt - dueAt).Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task DelayTimer_BeyondArmWindow_HangfireHandsItToTheInProcessArm()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.100",
            ["Timers:ArmWindow"] = "00:00:02.500",
            ["Timers:HandOverLead"] = "00:00:01.800",
        };
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false), settings: settings);
        using var client = factory.CreateClient();
        var started = await client.StartAsync("delay-three-seconds");
        var bookmarkId = started.DelayBookmarkId();

        await Settle.UntilAsync(
            () => client.GetInstanceAsync(started.Id()),
            instance => instance.Status() == "Finished",
            TimeSpan.FromSeconds(10),
            "the Hangfire job to hand the timer over and the in-process arm to fire it");

        // The log line and Hangfire's bookkeeping follow the commit that finished the instance.
        var fired = (await Settle.UntilAsync(() => Task.FromResult(factory.FiredEvents(bookmarkId)), e => e.Count > 0,
            TimeSpan.FromSeconds(5), "the fire to be logged")).Should().ContainSingle().Subject;
        TimerTestKit.Text(fired, "SourceContext").Should().Be(typeof(EmergencyWorkflows.Api.Scheduling.TimerWaker).FullName,
            "the Hangfire job ran before the due time and only handed the timer over");
        var hangfire = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Settle.UntilAsync(() => Task.FromResult(hangfire.SucceededListCount()), n => n >= 1,
            TimeSpan.FromSeconds(5), "the hand-over job to be marked succeeded");
    }

    public void Dispose() => folder.Dispose();
}
