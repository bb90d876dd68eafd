using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Timers;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// Start-up reconciliation: arms every pending timer again, because the timers table is the truth and the job store
/// may have lost its jobs (in-memory storage, a crash between commit and scheduling). Overdue and near timers go to the
/// in-process queue, which fires every overdue one at once, in parallel (bounded), not staggered; the runtime's
/// idempotent wake means none fires twice.
/// </summary>
internal sealed class TimerRearmService(
    IBookmarkStore bookmarks,
    ITimerScheduler scheduler,
    TimeProvider time,
    ILogger<TimerRearmService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var timers = await bookmarks.ListTimersAsync(cancellationToken);
        var now = time.GetUtcNow();
        var overdue = 0;
        foreach (var timer in timers)
        {
            if (timer.DueAt is { } dueAt)
            {
                overdue += dueAt <= now ? 1 : 0;
                await scheduler.ScheduleAsync(new TimerWakeUp(timer.InstanceId, timer.BookmarkId, dueAt), cancellationToken);
            }
        }

        logger.LogInformation("Re-armed {TimerCount} pending timers, {OverdueCount} of them overdue and firing now", timers.Count, overdue);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
