using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace EmergencyWorkflows.Bench;

/// <summary>
/// The same shape on WorkflowCore 3.22.0 with its default in-memory persistence: start → wait for a task-completed
/// event → end. A start counts when the instance has reached its wait; a resume when the instance has finished.
/// </summary>
internal static class WorkflowCoreBench
{
    public static async Task<(double StartsPerSecond, double ResumesPerSecond)> RunAsync(int count)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow();
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<StartTaskEndWorkflow, TaskData>();
        await host.StartAsync(CancellationToken.None);
        try
        {
            Counters.Reset(count);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await host.StartWorkflow("start-task-end", 1, new TaskData { TaskId = $"task-{i}" });
            }

            await Counters.Waiting.Task.WaitAsync(TimeSpan.FromMinutes(5));
            var startSeconds = watch.Elapsed.TotalSeconds;

            watch.Restart();
            for (var i = 0; i < count; i++)
            {
                await host.PublishEvent("task-completed", $"task-{i}", "done");
            }

            await Counters.Finished.Task.WaitAsync(TimeSpan.FromMinutes(5));
            var resumeSeconds = watch.Elapsed.TotalSeconds;
            return (count / startSeconds, count / resumeSeconds);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static class Counters
    {
        private static int target;
        private static int waiting;
        private static int finished;

        public static TaskCompletionSource Waiting { get; private set; } = new();
        public static TaskCompletionSource Finished { get; private set; } = new();

        public static void Reset(int count)
        {
            target = count;
            waiting = 0;
            finished = 0;
            Waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public static void MarkWaiting()
        {
            if (Interlocked.Increment(ref waiting) == target)
            {
                Waiting.TrySetResult();
            }
        }

        public static void MarkFinished()
        {
            if (Interlocked.Increment(ref finished) == target)
            {
                Finished.TrySetResult();
            }
        }
    }

    internal sealed class TaskData
    {
        public string TaskId { get; set; } = string.Empty;
        public object? Result { get; set; }
    }

    internal sealed class StartTaskEndWorkflow : IWorkflow<TaskData>
    {
        public string Id => "start-task-end";
        public int Version => 1;

        public void Build(IWorkflowBuilder<TaskData> builder) =>
            builder
                .StartWith(_ =>
                {
                    Counters.MarkWaiting();
                    return ExecutionResult.Next();
                })
                .WaitFor("task-completed", data => data.TaskId)
                .Output(data => data.Result, step => step.EventData)
                .Then(_ =>
                {
                    Counters.MarkFinished();
                    return ExecutionResult.Next();
                });
    }
}
