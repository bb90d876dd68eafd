using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Engine;
using EmergencyWorkflows.Api.Scheduling;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Bench;

/// <summary>
/// Timer lateness and restart catch-up with the host's own timer wiring (in-process arm, Hangfire, reconciliation,
/// auditor) on SQLite: every timer is the Delay of a durable start → Delay → end instance, and a fire is a committed
/// resume. Lateness = commit of the resume − the bookmark's due time.
/// </summary>
internal static class TimerBench
{
    public static async Task RunAsync(string folder, int count, TimeSpan spread, TimeSpan lead, bool lateness = true, bool catchUp = true)
    {
        Console.WriteLine($"Timer benchmark: {count:N0} durable Delay timers due over {spread.TotalSeconds:0.#} s (first due {lead.TotalSeconds:0.#} s after creation starts), SQLite, {Environment.ProcessorCount} cores");
        var hangfireWorkers = Math.Min(Environment.ProcessorCount * 5, 20);

        if (lateness)
        {
            var ours = await LatenessAsync(Path.Combine(folder, "timers-ours.db"), count, spread, lead, new Dictionary<string, string?>
            {
                ["Hangfire:SchedulePollingInterval"] = "00:00:01",
                ["Timers:ArmWindow"] = "00:00:30",
            });
            var hangfire = await LatenessAsync(Path.Combine(folder, "timers-hangfire.db"), count, spread, lead, new Dictionary<string, string?>
            {
                // Hangfire's defaults: 15 s schedule polling, min(5 × cores, 20) workers; our arm and auditor switched off.
                ["Hangfire:SchedulePollingInterval"] = "00:00:15",
                ["Hangfire:WorkerCount"] = hangfireWorkers.ToString(CultureInfo.InvariantCulture),
                ["Timers:ArmWindow"] = "00:00:00",
                ["Timers:AuditInterval"] = "1.00:00:00",
            });

            Console.WriteLine();
            Console.WriteLine($"{"timer lateness",-72} {"p50",9} {"p99",9} {"max",9} {"fired",8} {"twice",6} {"created in",11}");
            ours.Print("EmergencyWorkflows (in-process arm, 30 s window)");
            hangfire.Print($"Hangfire default (15 s polling, {hangfireWorkers} workers)");
            Console.WriteLine($"target: ours p99 (fire committed) <= 250 ms -> {(ours.Committed.P99 <= TimeSpan.FromMilliseconds(250) ? "met" : "NOT met")}");
        }

        if (catchUp)
        {
            var restart = await CatchUpAsync(Path.Combine(folder, "timers-restart.db"), count);
            Console.WriteLine();
            Console.WriteLine($"restart catch-up: {count:N0} overdue timers, all fired {restart.AfterReady.TotalSeconds:0.00} s after the host was ready " +
                $"(host start incl. re-arming took {restart.Startup.TotalSeconds:0.00} s; fired {restart.Fired:N0}, twice {restart.Twice}); target <= 5 s -> {(restart.Fired == count && restart.AfterReady <= TimeSpan.FromSeconds(5) ? "met" : "NOT met")}");
        }
    }

    private static async Task<Lateness> LatenessAsync(
        string path, int count, TimeSpan spread, TimeSpan lead, Dictionary<string, string?> settings)
    {
        var recorder = new FireRecorder();
        using var host = await StartHostAsync(path, settings, recorder, TimeProvider.System, dropWakeUps: false);
        var runtime = host.Services.GetRequiredService<IWorkflowRuntime>();
        var dues = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var first = DateTimeOffset.UtcNow + lead;
        var watch = Stopwatch.StartNew();
        await ForEachAsync(count, 8, async i =>
        {
            var due = first + spread * i / count;
            var instance = await runtime.StartAsync(new StartWorkflowRequest("start-delay-end", DelayInput(due - DateTimeOffset.UtcNow)));
            var bookmark = instance.Bookmarks.Single();
            dues[bookmark.Id] = bookmark.DueAt!.Value;
        });
        var created = watch.Elapsed;

        var deadline = first + spread + TimeSpan.FromSeconds(120);
        while (recorder.Count < count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await host.StopAsync();
        return new Lateness(
            new Quantiles(Since(dues, recorder.WakeStartedAt)),
            new Quantiles(Since(dues, recorder.FiredAt)),
            recorder.Count,
            recorder.Twice,
            created);
    }

    private static async Task<(TimeSpan Startup, TimeSpan AfterReady, int Fired, int Twice)> CatchUpAsync(string path, int count)
    {
        var settings = new Dictionary<string, string?> { ["Timers:ArmWindow"] = "00:00:30" };

        // The host that went down: it lived an hour ago and its wake-ups were lost (no arm, no auditor), so every
        // timer is overdue now.
        var down = new Dictionary<string, string?>(settings) { ["Timers:AuditInterval"] = "1.00:00:00" };
        using (var before = await StartHostAsync(path, down, new FireRecorder(), new ShiftedTimeProvider(TimeSpan.FromHours(-1)), dropWakeUps: true))
        {
            var runtime = before.Services.GetRequiredService<IWorkflowRuntime>();
            await ForEachAsync(count, 8, _ => runtime.StartAsync(new StartWorkflowRequest("start-delay-end", DelayInput(TimeSpan.FromSeconds(1)))));
            await before.StopAsync();
        }

        var recorder = new FireRecorder();
        var watch = Stopwatch.StartNew();
        using var after = await StartHostAsync(path, settings, recorder, TimeProvider.System, dropWakeUps: false);
        var startup = watch.Elapsed;
        watch.Restart();
        var deadline = TimeSpan.FromSeconds(120);
        while (recorder.Count < count && watch.Elapsed < deadline)
        {
            await Task.Delay(5);
        }

        var afterReady = watch.Elapsed;
        await after.StopAsync();
        return (startup, afterReady, recorder.Count, recorder.Twice);
    }

    private static TimeSpan[] Since(ConcurrentDictionary<string, DateTimeOffset> dues, Func<string, DateTimeOffset?> at) =>
        [.. dues.Select(d => at(d.Key) - d.Value).Where(l => l is not null).Select(l => l!.Value).Order()];

    private static JsonObject DelayInput(TimeSpan delay) =>
        new() { ["delay"] = (delay > TimeSpan.Zero ? delay : TimeSpan.FromMilliseconds(1)).ToString("c", CultureInfo.InvariantCulture) };

    /// <summary>The host's timer wiring on a generic host: engine + SQLite, Hangfire in memory, arm, reconciliation, auditor.</summary>
    private static async Task<IHost> StartHostAsync(
        string path, Dictionary<string, string?> settings, FireRecorder recorder, TimeProvider time, bool dropWakeUps)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:Workflows"] = $"Data Source={path}",
            ["Hangfire:Storage"] = "InMemory",
            ["Hangfire:ShutdownTimeout"] = "00:00:01",
        });
        var services = builder.Services;
        // Warnings and errors only (a lost or failed wake must show); the per-timer information lines would cost more than the timers.
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(time);
        services.AddSingleton<IWorkflowLineWriter, SilentLineWriter>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<IWorkflowRuntime>(sp => new RecordingRuntime(sp.GetRequiredService<WorkflowRuntime>(), recorder));
        services.AddWorkflowEngine(builder.Configuration);
        services.AddTimerScheduling(builder.Configuration);
        if (dropWakeUps)
        {
            services.Replace(ServiceDescriptor.Singleton<ITimerScheduler, NoWakeUps>());
        }

        var host = builder.Build();
        await host.Services.MigrateWorkflowDatabaseAsync();
        var definitions = host.Services.GetRequiredService<IWorkflowDefinitionStore>();
        if (await definitions.FindPublishedAsync("start-delay-end") is null)
        {
            await definitions.SaveAsync(new StoredDefinition
            {
                VersionId = "bench-delay-v1",
                DefinitionId = "start-delay-end",
                Version = 1,
                IsLatest = true,
                IsPublished = true,
                Json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "start-delay-end.json")),
                CreatedAt = time.GetUtcNow(),
            });
        }

        await host.StartAsync();
        return host;
    }

    private static async Task ForEachAsync(int count, int callers, Func<int, Task> body)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await body(i);
            }
        }));
    }

    /// <summary>Two views of one run: when the wake call started (arming precision) and when its resume committed.</summary>
    private sealed record Lateness(Quantiles Started, Quantiles Committed, int Fired, int Twice, TimeSpan Created)
    {
        public void Print(string label)
        {
            Console.WriteLine($"{label + ": wake started - due",-72} {Started}");
            Console.WriteLine($"{label + ": resume committed - due",-72} {Committed} {Fired,8:N0} {Twice,6} {Created.TotalSeconds,9:0.00} s");
        }
    }

    private sealed record Quantiles(TimeSpan[] Sorted)
    {
        public TimeSpan P99 => At(0.99);

        public override string ToString() => $"{Ms(At(0.50)),9} {Ms(P99),9} {Ms(At(1.0)),9}";

        private TimeSpan At(double quantile) =>
            Sorted.Length == 0 ? TimeSpan.MaxValue : Sorted[Math.Max(0, (int)Math.Ceiling(quantile * Sorted.Length) - 1)];

        private static string Ms(TimeSpan value) =>
            value == TimeSpan.MaxValue ? "n/a" : $"{value.TotalMilliseconds:0} ms";
    }

    /// <summary>When each timer's resume committed; a second committed resume of one bookmark counts as "twice".</summary>
    private sealed class FireRecorder
    {
        private readonly ConcurrentDictionary<string, DateTimeOffset> fired = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, DateTimeOffset> started = new(StringComparer.Ordinal);
        private int twice;

        public int Count => fired.Count;

        public int Twice => twice;

        public DateTimeOffset? FiredAt(string bookmarkId) => fired.TryGetValue(bookmarkId, out var at) ? at : null;

        public DateTimeOffset? WakeStartedAt(string bookmarkId) => started.TryGetValue(bookmarkId, out var at) ? at : null;

        /// <summary>The first wake call of a bookmark (a lost race or a backstop job calls again).</summary>
        public void WakeStarted(string bookmarkId) => started.TryAdd(bookmarkId, DateTimeOffset.UtcNow);

        public void Fired(string bookmarkId)
        {
            if (!fired.TryAdd(bookmarkId, DateTimeOffset.UtcNow))
            {
                Interlocked.Increment(ref twice);
            }
        }
    }

    private sealed class RecordingRuntime(IWorkflowRuntime inner, FireRecorder recorder) : IWorkflowRuntime
    {
        public async Task<ResumeResult> WakeTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default)
        {
            recorder.WakeStarted(bookmarkId);
            var result = await inner.WakeTimerAsync(instanceId, bookmarkId, cancellationToken);
            if (result.Status == ResumeStatus.Resumed)
            {
                recorder.Fired(bookmarkId);
            }

            return result;
        }

        public Task<WorkflowInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default) =>
            inner.StartAsync(request, cancellationToken);

        public Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, JsonObject? input, CancellationToken cancellationToken = default) =>
            inner.ResumeBookmarkAsync(bookmarkId, input, cancellationToken);

        public Task<IReadOnlyList<ResumeResult>> TriggerEventAsync(TriggerEventRequest request, CancellationToken cancellationToken = default) =>
            inner.TriggerEventAsync(request, cancellationToken);

        public Task<ResumeResult> CompleteTaskAsync(string taskId, JsonNode? result, CancellationToken cancellationToken = default) =>
            inner.CompleteTaskAsync(taskId, result, cancellationToken);

        public Task<WorkflowInstance?> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
            inner.CancelAsync(instanceId, cancellationToken);
    }

    /// <summary>A clock shifted by a fixed offset (the host that ran before the restart, in the past).</summary>
    private sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;
    }

    private sealed class NoWakeUps : ITimerScheduler
    {
        public Task ScheduleAsync(TimerWakeUp wakeUp, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class SilentLineWriter : IWorkflowLineWriter
    {
        public void WriteLine(string instanceId, string text)
        {
        }
    }
}
