using System.Diagnostics.Metrics;
using System.Net;
using EmergencyWorkflows.Api.Scheduling;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Serilog.Events;

namespace EmergencyWorkflows.Api.Tests.Scheduling;

/// <summary>The escalation auditor: a wake-up that was lost is found in the timers table, fired, warned about and counted.</summary>
public sealed class TimerAuditorTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task Auditor_TimerWakeLost_FiresItWarnsCountsAndReportsInHealth()
    {
        var settings = new Dictionary<string, string>
        {
            ["Timers:AuditInterval"] = "00:00:00.200",
            ["Timers:OverdueThreshold"] = "00:00:00.300",
        };
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false),
            TimerTestKit.Swap(scheduler: new DroppingTimerScheduler()), settings);
        using var client = factory.CreateClient();
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == TimerMetrics.OverdueFiredName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();

        var started = await client.StartAsync("delay-one-second");
        var bookmarkId = started.DelayBookmarkId();

        var finished = await Settle.UntilAsync(
            () => client.GetInstanceAsync(started.Id()),
            instance => instance.Status() == "Finished",
            TimeSpan.FromSeconds(10),
            "the auditor to fire the timer whose wake-up was lost");

        finished.Bookmarks().Should().BeEmpty();
        factory.Sink.Events.Should().ContainSingle(e => e.Level == LogEventLevel.Warning
            && e.MessageTemplate.Text.Contains("the auditor fired it", StringComparison.Ordinal)
            && TimerTestKit.Text(e, "BookmarkId") == bookmarkId);
        Interlocked.Read(ref counted).Should().Be(1);

        using var response = await client.GetAsync("/health");
        var health = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, health.ToJsonString());
        var auditor = health["timerAuditor"]!;
        ((string?)auditor["status"]).Should().Be("ok");
        ((DateTimeOffset?)auditor["lastSuccessAt"]).Should().NotBeNull();
        ((long)auditor["totalOverdueFired"]!).Should().Be(1);
    }

    [Fact]
    public async Task Auditor_TimerWokenOnTime_IsNotCountedAsOverdue()
    {
        var settings = new Dictionary<string, string>
        {
            ["Timers:AuditInterval"] = "00:00:00.200",
            ["Timers:OverdueThreshold"] = "00:00:00.300",
        };
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false), settings: settings);
        using var client = factory.CreateClient();
        var started = await client.StartAsync("delay-one-second");

        await Settle.UntilAsync(
            () => client.GetInstanceAsync(started.Id()),
            instance => instance.Status() == "Finished",
            TimeSpan.FromSeconds(10),
            "the in-process arm to fire the timer");
        var status = factory.Services.GetRequiredService<TimerAuditStatus>();
        var afterFire = status.Current.LastRunAt;
        await Settle.UntilAsync(() => Task.FromResult(status.Current.LastRunAt), last => last > afterFire,
            TimeSpan.FromSeconds(10), "one more audit round after the fire");

        status.Current.TotalOverdueFired.Should().Be(0);
        factory.Sink.Events.Should().NotContain(e => e.MessageTemplate.Text.Contains("the auditor fired it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_AuditorDeadForThreeIntervals_ReportsDegraded()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false), services =>
        {
            TimerTestKit.Swap(clock)(services);
            // A dead auditor: its loop never runs.
            var auditor = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TimerAuditor));
            services.Remove(auditor);
        });
        using var client = factory.CreateClient();
        using (var fresh = await client.GetAsync("/health"))
        {
            fresh.StatusCode.Should().Be(HttpStatusCode.OK, "the auditor is not overdue yet right after start");
        }

        clock.Advance(TimeSpan.FromSeconds(31));

        using var response = await client.GetAsync("/health");
        var health = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, health.ToJsonString());
        ((string?)health["status"]).Should().Be("degraded");
        ((string?)health["timerAuditor"]!["status"]).Should().Be("stale");
        health["timerAuditor"]!["lastRunAt"].Should().BeNull();
    }

    public void Dispose() => folder.Dispose();
}
