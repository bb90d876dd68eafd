using Hangfire;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// The Hangfire side of timer arming: a <see cref="TimerWakeJob"/> (ids only) run at a given instant, or queued at once
/// when that instant has passed. Asking twice for one timer makes two jobs, which is harmless: the wake is idempotent.
/// </summary>
internal sealed class HangfireTimerScheduler(IBackgroundJobClient jobs, TimeProvider time, ILogger<HangfireTimerScheduler> logger)
{
    public string ScheduleWake(string instanceId, string bookmarkId, DateTimeOffset runAt)
    {
        if (runAt <= time.GetUtcNow())
        {
            return EnqueueWake(instanceId, bookmarkId);
        }

        var jobId = jobs.Schedule<TimerWakeJob>(job => job.RunAsync(instanceId, bookmarkId, CancellationToken.None), runAt);
        logger.LogDebug("Timer {BookmarkId} of instance {InstanceId}: job {JobId} runs at {RunAt}", bookmarkId, instanceId, jobId, runAt);
        return jobId;
    }

    public string EnqueueWake(string instanceId, string bookmarkId)
    {
        var jobId = jobs.Enqueue<TimerWakeJob>(job => job.RunAsync(instanceId, bookmarkId, CancellationToken.None));
        logger.LogDebug("Timer {BookmarkId} of instance {InstanceId}: job {JobId} queued", bookmarkId, instanceId, jobId);
        return jobId;
    }
}
