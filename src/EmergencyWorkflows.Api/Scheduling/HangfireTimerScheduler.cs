using EmergencyWorkflows.Runtime.Timers;
using Hangfire;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// Arranges a <see cref="TimerWakeJob"/> at the timer's due time; an overdue timer is queued at once. Asking twice
/// for one timer schedules two jobs, which is harmless: the second wake finds the bookmark consumed.
/// </summary>
internal sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, TimeProvider time, ILogger<HangfireTimerScheduler> logger) : ITimerScheduler
{
    public Task ScheduleAsync(TimerWakeUp wakeUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wakeUp);
        var (instanceId, bookmarkId, dueAt) = (wakeUp.InstanceId, wakeUp.BookmarkId, wakeUp.DueAt);
        string jobId;
        if (dueAt <= time.GetUtcNow())
        {
            jobId = jobs.Enqueue<TimerWakeJob>(job => job.RunAsync(instanceId, bookmarkId, CancellationToken.None));
        }
        else
        {
            jobId = jobs.Schedule<TimerWakeJob>(job => job.RunAsync(instanceId, bookmarkId, CancellationToken.None), dueAt);
        }

        logger.LogDebug("Timer {BookmarkId} of instance {InstanceId} armed for {DueAt} as job {JobId}", bookmarkId, instanceId, dueAt, jobId);
        return Task.CompletedTask;
    }
}
