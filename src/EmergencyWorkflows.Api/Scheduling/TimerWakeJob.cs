using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Timers;
using Hangfire;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// Hangfire's part in waking one timer. Takes ids only and is idempotent: a consumed bookmark is left alone, a timer
/// not yet due is handed back to the timer port (which arms it in-process when it is near), and a due one is woken
/// through the runtime, which fires it only while its bookmark is pending — so a second run has no second effect.
/// </summary>
internal sealed class TimerWakeJob(
    IWorkflowRuntime runtime,
    IBookmarkStore bookmarks,
    ITimerScheduler scheduler,
    TimeProvider time,
    ILogger<TimerWakeJob> logger)
{
    // Transient failures (database busy, process shutting down) are retried; the timer row stays pending meanwhile,
    // the auditor fires it if every attempt fails, and start-up re-arms it.
    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken)
    {
        var match = await bookmarks.FindByIdAsync(bookmarkId, cancellationToken);
        if (match is null)
        {
            logger.LogDebug("Timer {BookmarkId} of instance {InstanceId} already consumed", bookmarkId, instanceId);
            return;
        }

        if (match.DueAt is { } dueAt && dueAt > time.GetUtcNow())
        {
            await scheduler.ScheduleAsync(new TimerWakeUp(instanceId, bookmarkId, dueAt), cancellationToken);
            logger.LogDebug("Timer {BookmarkId} of instance {InstanceId} handed over for {DueAt}", bookmarkId, instanceId, dueAt);
            return;
        }

        var result = await runtime.WakeTimerAsync(instanceId, bookmarkId, cancellationToken);
        if (result.Status == ResumeStatus.Resumed)
        {
            logger.LogInformation("Timer {BookmarkId} of instance {InstanceId} fired", bookmarkId, instanceId);
        }
        else
        {
            logger.LogDebug("Timer {BookmarkId} of instance {InstanceId} not fired: {Status}", bookmarkId, instanceId, result.Status);
        }
    }
}
