using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Timers;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// At start-up, arms every pending timer again: the timers table is the truth, and the job store may have lost its
/// jobs (in-memory storage, a crash between commit and scheduling). Overdue timers are queued at once.
/// </summary>
internal sealed class TimerRearmService(IBookmarkStore bookmarks, ITimerScheduler scheduler, ILogger<TimerRearmService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var timers = await bookmarks.ListTimersAsync(cancellationToken);
        foreach (var timer in timers)
        {
            if (timer.DueAt is { } dueAt)
            {
                await scheduler.ScheduleAsync(new TimerWakeUp(timer.InstanceId, timer.BookmarkId, dueAt), cancellationToken);
            }
        }

        logger.LogInformation("Re-armed {TimerCount} pending timers", timers.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
