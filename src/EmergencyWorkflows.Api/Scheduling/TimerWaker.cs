using EmergencyWorkflows.Runtime.Execution;
using Hangfire;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// Fires one timer in-process through the runtime's idempotent wake (it resumes only a pending, due bookmark, and its
/// optimistic revision check makes a second, concurrent wake — on this node or another — a no-op). When the wake
/// fails, the timer is handed to Hangfire, whose job retries it; the timer row stays pending meanwhile.
/// </summary>
internal sealed class TimerWaker(IWorkflowRuntime runtime, HangfireTimerScheduler hangfire, ILogger<TimerWaker> logger)
{
    /// <summary>The wake's status, or null when it failed and was handed to Hangfire.</summary>
    public async Task<ResumeStatus?> WakeAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runtime.WakeTimerAsync(instanceId, bookmarkId, cancellationToken);
            if (result.Status == ResumeStatus.Resumed)
            {
                logger.LogInformation("Timer {BookmarkId} of instance {InstanceId} fired", bookmarkId, instanceId);
            }
            else
            {
                logger.LogDebug("Timer {BookmarkId} of instance {InstanceId} not fired: {Status}", bookmarkId, instanceId, result.Status);
            }

            return result.Status;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "In-process wake of timer {BookmarkId} of instance {InstanceId} failed; Hangfire retries it", bookmarkId, instanceId);
            hangfire.EnqueueWake(instanceId, bookmarkId);
            return null;
        }
    }
}
