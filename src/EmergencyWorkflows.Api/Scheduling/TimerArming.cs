using EmergencyWorkflows.Runtime.Timers;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// The timer port: a timer due within <see cref="TimerOptions.ArmWindow"/> (or overdue) goes to the in-process
/// <see cref="NearTimerQueue"/>; a later one gets a Hangfire job <see cref="TimerOptions.HandOverLead"/> before its due
/// time, which hands it to the queue. With a zero window every timer is a Hangfire job at its due time.
/// </summary>
internal sealed class TimerArming(NearTimerQueue near, HangfireTimerScheduler hangfire, TimerOptions options, TimeProvider time) : ITimerScheduler
{
    public Task ScheduleAsync(TimerWakeUp wakeUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wakeUp);
        if (options.ArmWindow <= TimeSpan.Zero)
        {
            hangfire.ScheduleWake(wakeUp.InstanceId, wakeUp.BookmarkId, wakeUp.DueAt);
        }
        else if (wakeUp.DueAt - time.GetUtcNow() <= options.ArmWindow)
        {
            near.Arm(wakeUp);
        }
        else
        {
            hangfire.ScheduleWake(wakeUp.InstanceId, wakeUp.BookmarkId, wakeUp.DueAt - options.HandOverLead);
        }

        return Task.CompletedTask;
    }
}
