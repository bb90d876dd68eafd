using System.Diagnostics;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Sqlite;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Bench;

/// <summary>
/// Our runtime, durable on SQLite: every start and every task completion is committed (instance, bookmarks, timers,
/// outbox in one transaction) before the call returns. <paramref name="callers"/> concurrent callers share the work.
/// </summary>
internal static class OurRuntimeBench
{
    public static async Task<(double StartsPerSecond, double ResumesPerSecond)> RunAsync(
        string folder, int count, int callers, string synchronous)
    {
        var path = Path.Combine(folder, $"ours-{synchronous}-{callers}.db");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflowRuntime();
        if (synchronous == "MEMORY")
        {
            services.AddInMemoryWorkflowStores();
        }
        else
        {
            services.AddWorkflowPersistenceSqlite($"Data Source={path}", o => o.Synchronous = Enum.Parse<SqliteSynchronousMode>(synchronous, ignoreCase: true));
        }

        services.TryAddSingleton<ITimerScheduler, NoTimers>();
        services.AddSingleton<IWorkflowLineWriter, SilentLineWriter>();
        await using var provider = services.BuildServiceProvider();
        if (synchronous != "MEMORY")
        {
            await provider.MigrateWorkflowDatabaseAsync();
        }

        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "start-task-end.json"));
        await provider.GetRequiredService<IWorkflowDefinitionStore>().SaveAsync(new StoredDefinition
        {
            VersionId = "bench-v1",
            DefinitionId = "start-task-end",
            Version = 1,
            IsLatest = true,
            IsPublished = true,
            Json = json,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        var runtime = provider.GetRequiredService<IWorkflowRuntime>();

        // Warm-up outside the measurement: JIT, definition cache, connection pool.
        var warm = await runtime.StartAsync(new StartWorkflowRequest("start-task-end"));
        await runtime.CompleteTaskAsync(warm.Bookmarks[0].Key!, null);

        var taskIds = new string[count];
        var watch = Stopwatch.StartNew();
        await ForEachAsync(count, callers, async i =>
        {
            var instance = await runtime.StartAsync(new StartWorkflowRequest("start-task-end"));
            taskIds[i] = instance.Bookmarks.Single().Key!;
        });
        var startSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        await ForEachAsync(count, callers, async i =>
        {
            var result = await runtime.CompleteTaskAsync(taskIds[i], null);
            if (!result.Applied)
            {
                throw new InvalidOperationException($"Task {taskIds[i]} was not resumed: {result.Message}");
            }
        });
        var resumeSeconds = watch.Elapsed.TotalSeconds;
        return (count / startSeconds, count / resumeSeconds);
    }

    private static async Task ForEachAsync(int count, int callers, Func<int, Task> body)
    {
        var next = -1;
        var workers = Enumerable.Range(0, callers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await body(i);
            }
        });
        await Task.WhenAll(workers);
    }

    private sealed class NoTimers : ITimerScheduler
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
