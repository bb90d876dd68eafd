namespace EmergencyWorkflows.Runtime.Timers;

/// <summary>
/// Wakes timer bookmarks. The due time is data stored with the instance; a scheduler only arranges to call
/// <c>WorkflowRuntime.WakeTimerAsync</c> at (or soon after) that time. Implementations must tolerate being asked
/// twice for the same bookmark (waking is idempotent).
/// </summary>
public interface ITimerScheduler
{
    Task ScheduleAsync(TimerWakeUp wakeUp, CancellationToken cancellationToken = default);
}

public sealed record TimerWakeUp(string InstanceId, string BookmarkId, DateTimeOffset DueAt);
