using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Timers;

/// <summary>The in-memory twin of the timer scheduler: records wake-ups; a test fires the due ones at the fake clock's now.</summary>
public sealed class InMemoryTimerScheduler(TimeProvider time) : ITimerScheduler
{
    private readonly Lock gate = new();
    private readonly List<TimerWakeUp> scheduled = [];

    public IReadOnlyList<TimerWakeUp> Scheduled
    {
        get
        {
            lock (gate)
            {
                return [.. scheduled];
            }
        }
    }

    public Task ScheduleAsync(TimerWakeUp wakeUp, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            scheduled.Add(wakeUp);
        }

        return Task.CompletedTask;
    }

    /// <summary>Wakes every recorded timer due at or before now (earliest first) and forgets it. Returns the results.</summary>
    public async Task<IReadOnlyList<ResumeResult>> FireDueAsync(IWorkflowRuntime runtime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        List<TimerWakeUp> due;
        lock (gate)
        {
            var now = time.GetUtcNow();
            due = [.. scheduled.Where(w => w.DueAt <= now).OrderBy(w => w.DueAt)];
            scheduled.RemoveAll(due.Contains);
        }

        var results = new List<ResumeResult>();
        foreach (var wakeUp in due)
        {
            results.Add(await runtime.WakeTimerAsync(wakeUp.InstanceId, wakeUp.BookmarkId, cancellationToken));
        }

        return results;
    }
}
