using System.Diagnostics;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Sqlite;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Bench;

/// <summary>
/// Where a durable start and a durable resume spend their time, one caller, step by step (run with --breakdown):
/// start = definition lookup, burst, commit; resume = task lookup, instance load, version lookup, burst, commit.
/// </summary>
internal static class Breakdown
{
    public static async Task RunAsync(string folder, int count, string synchronous)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflowRuntime();
        services.AddWorkflowPersistenceSqlite($"Data Source={Path.Combine(folder, "breakdown.db")}",
            o => o.Synchronous = Enum.Parse<SqliteSynchronousMode>(synchronous, ignoreCase: true));
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateWorkflowDatabaseAsync();
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "start-task-end.json"));
        var store = provider.GetRequiredService<IWorkflowDefinitionStore>();
        await store.SaveAsync(new StoredDefinition
        {
            VersionId = "bench-v1",
            DefinitionId = "start-task-end",
            Version = 1,
            IsLatest = true,
            IsPublished = true,
            Json = json,
        });
        var definition = WorkflowDefinitionReader.Read(json);
        var executor = provider.GetRequiredService<WorkflowExecutor>();
        var instances = provider.GetRequiredService<IWorkflowInstanceStore>();

        var lookup = Time(count, async () => await store.FindPublishedAsync("start-task-end"));
        var bursts = new List<BurstResult>(count);
        var burst = Time(count, () =>
        {
            bursts.Add(executor.Start(definition, new StartWorkflowOptions(null, null, null, null)));
            return Task.CompletedTask;
        });
        var i = 0;
        var commit = Time(count, async () =>
        {
            var b = bursts[i++];
            await instances.SaveAsync(new WorkflowCommit(b.Instance, 0, b.Outbox));
        });
        Console.WriteLine($"breakdown per start: definition lookup {lookup:0.0} µs, burst {burst:0.0} µs, commit {commit:0.0} µs");

        var bookmarks = provider.GetRequiredService<IBookmarkStore>();
        var taskIds = bursts.Select(b => b.Instance.Bookmarks.Single().Key!).ToArray();
        var matches = new List<BookmarkMatch>(count);
        var loadedInstances = new List<WorkflowInstance>(count);
        var resumed = new List<(BurstResult Burst, long Revision)>(count);
        i = 0;
        var taskLookup = Time(count, async () => matches.Add((await bookmarks.FindAsync(new BookmarkFilter(BookmarkNames.RunTask, taskIds[i++])))[0]));
        i = 0;
        var instanceLoad = Time(count, async () => loadedInstances.Add((await instances.FindAsync(matches[i++].InstanceId))!));
        var versionLookup = Time(count, async () => await store.FindByVersionIdAsync("bench-v1"));
        i = 0;
        var resumeBurst = Time(count, () =>
        {
            var instance = loadedInstances[i++];
            var match = instance.Bookmarks.Single();
            resumed.Add((executor.Resume(definition, instance, match.Id, new JsonObject { [RunTask.ResultInputKey] = null }), instance.Revision));
            return Task.CompletedTask;
        });
        i = 0;
        var resumeCommit = Time(count, async () =>
        {
            var (b, revision) = resumed[i++];
            await instances.SaveAsync(new WorkflowCommit(b.Instance, revision, b.Outbox));
        });
        Console.WriteLine($"breakdown per resume: task lookup {taskLookup:0.0} µs, instance load {instanceLoad:0.0} µs, version lookup {versionLookup:0.0} µs, burst {resumeBurst:0.0} µs, commit {resumeCommit:0.0} µs");
    }

    private static double Time(int count, Func<Task> action)
    {
        action().GetAwaiter().GetResult();
        var watch = Stopwatch.StartNew();
        for (var n = 1; n < count; n++)
        {
            action().GetAwaiter().GetResult();
        }

        return watch.Elapsed.TotalMicroseconds / (count - 1);
    }
}
