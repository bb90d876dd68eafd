using System.Diagnostics.Metrics;
using System.Net;
using EmergencyWorkflows.Api.Scheduling;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Runtime.Bookmarks;
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
        var settings = new Dictionary<string, string?>
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
        // The auditor counts and warns right after the commit that finished the instance.
        await Settle.UntilAsync(() => Task.FromResult(factory.Sink.Events.Count(e => e.MessageTemplate.Text.Contains("the auditor fired it", StringComparison.Ordinal))), n => n > 0,
            TimeSpan.FromSeconds(5), "the auditor's warning");
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
        var settings = new Dictionary<string, string?>
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

    [Fact]
    public async Task Health_AuditorRoundsFailing_ShowsLastErrorAndReportsDegraded()
    {
        var settings = new Dictionary<string, string?> { ["Timers:AuditInterval"] = "00:00:00.100" };
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false),
            FailingDueQueries.Swap, settings);
        using var client = factory.CreateClient();

        // Three intervals without a successful round make the auditor stale.
        var health = await Settle.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync("/health");
                return (response.StatusCode, Body: await response.ReadJsonAsync());
            },
            r => r.StatusCode == HttpStatusCode.ServiceUnavailable && r.Body["timerAuditor"]?["lastError"] is not null,
            TimeSpan.FromSeconds(10),
            "failing audit rounds to make /health degraded and show their error");

        var auditor = health.Body["timerAuditor"]!;
        ((string?)auditor["status"]).Should().Be("stale");
        ((string?)auditor["lastError"]).Should().Contain(FailingDueQueries.Message);
        auditor["lastErrorAt"].Should().NotBeNull();
        auditor["lastSuccessAt"].Should().BeNull();
    }

    public void Dispose() => folder.Dispose();

    /// <summary>The bookmark store with its overdue-timer query broken (the auditor's only read); everything else works.</summary>
    private sealed class FailingDueQueries(IBookmarkStore inner) : IBookmarkStore
    {
        public const string Message = "timers table unreachable (test)";

        public static void Swap(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IBookmarkStore));
            services.Remove(original);
            services.AddSingleton<IBookmarkStore>(sp => new FailingDueQueries(original.ImplementationFactory is { } create
                ? (IBookmarkStore)create(sp)
                : (IBookmarkStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
        }

        public Task<BookmarkMatch?> FindByIdAsync(string bookmarkId, CancellationToken cancellationToken = default) =>
            inner.FindByIdAsync(bookmarkId, cancellationToken);

        public Task<IReadOnlyList<BookmarkMatch>> FindAsync(BookmarkFilter filter, CancellationToken cancellationToken = default) =>
            inner.FindAsync(filter, cancellationToken);

        public Task<IReadOnlyList<BookmarkMatch>> FindDueAsync(DateTimeOffset dueAtOrBefore, int take, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Message);

        public Task<IReadOnlyList<BookmarkMatch>> ListTimersAsync(CancellationToken cancellationToken = default) =>
            inner.ListTimersAsync(cancellationToken);
    }
}
