using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Timers;
using Hangfire;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// Wakes one timer bookmark. Takes ids only and is idempotent: the runtime fires a timer only while its bookmark is
/// pending and due, so a second run (Hangfire runs jobs at least once, start-up re-arms) does nothing.
/// </summary>
internal sealed class TimerWakeJob(
    IWorkflowRuntime runtime,
    IBookmarkStore bookmarks,
    ITimerScheduler scheduler,
    ILogger<TimerWakeJob> logger)
{
    // Transient failures (database busy, process shutting down) are retried; the timer row stays pending meanwhile
    // and start-up re-arms it if every attempt fails.
    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken)
    {
        var result = await runtime.WakeTimerAsync(instanceId, bookmarkId, cancellationToken);
        switch (result.Status)
        {
            case ResumeStatus.Resumed:
                logger.LogInformation("Timer {BookmarkId} of instance {InstanceId} fired", bookmarkId, instanceId);
                break;
            case ResumeStatus.NotDue:
                // Woken early (clock skew between Hangfire's scheduler and our TimeProvider): arm it again for its due time.
                var match = await bookmarks.FindByIdAsync(bookmarkId, cancellationToken);
                if (match?.DueAt is { } dueAt)
                {
                    await scheduler.ScheduleAsync(new TimerWakeUp(instanceId, bookmarkId, dueAt), cancellationToken);
                    logger.LogInformation("Timer {BookmarkId} of instance {InstanceId} woken early; re-armed for {DueAt}", bookmarkId, instanceId, dueAt);
                }

                break;
            default:
                logger.LogInformation("Timer {BookmarkId} of instance {InstanceId} not fired: {Status}", bookmarkId, instanceId, result.Status);
                break;
        }
    }
}
