using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Timers;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// Takes due timers from the <see cref="NearTimerQueue"/> as they fall due and fires them in parallel, at most
/// <see cref="TimerOptions.FireConcurrency"/> at a time (enough for the SQLite commit writer to batch many wakes into
/// one transaction, few enough not to flood it). A backlog, such as every overdue timer at start-up, fires at once.
/// </summary>
internal sealed class NearTimerFiringService(
    NearTimerQueue queue,
    TimerWaker waker,
    IBookmarkStore bookmarks,
    TimerOptions options,
    ILogger<NearTimerFiringService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.FireConcurrency, options.FireConcurrency);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var wakeUp in await queue.TakeDueAsync(stoppingToken))
                {
                    await slots.WaitAsync(stoppingToken);
                    // On the thread pool: each burst's CPU work runs in parallel, the loop only hands out.
                    _ = Task.Run(() => FireAsync(wakeUp, slots), CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Let wakes in flight finish their commits; what was not started stays pending and is re-armed at start-up.
        for (var i = 0; i < options.FireConcurrency; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    private async Task FireAsync(TimerWakeUp wakeUp, SemaphoreSlim slots)
    {
        try
        {
            // Not the stopping token: a wake that started commits or rolls back whole, never half-cancelled.
            var status = await waker.WakeAsync(wakeUp.InstanceId, wakeUp.BookmarkId, CancellationToken.None);
            if (status == ResumeStatus.NotDue)
            {
                // The bookmark was re-armed for a later instant (or clocks disagree): arm it for what is stored.
                var match = await bookmarks.FindByIdAsync(wakeUp.BookmarkId, CancellationToken.None);
                if (match?.DueAt is { } dueAt)
                {
                    queue.Arm(wakeUp with { DueAt = dueAt });
                }
            }
        }
#pragma warning disable CA1031 // A fire-and-forget wake must never fault unobserved; the auditor catches the timer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Timer {BookmarkId} of instance {InstanceId} could not be fired; the auditor will retry it",
                wakeUp.BookmarkId, wakeUp.InstanceId);
        }
        finally
        {
            slots.Release();
        }
    }
}
