using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// The escalation auditor: every <see cref="TimerOptions.AuditInterval"/>, independently of Hangfire and of the
/// in-process queue, it reads the timers table for pending timers overdue by more than
/// <see cref="TimerOptions.OverdueThreshold"/> — a wake-up that was lost — fires them, warns (ids only) and counts
/// each in <c>emergency.timers.overdue_fired</c>. Its last run is reported by <c>/health</c>.
/// </summary>
internal sealed class TimerAuditor(
    IBookmarkStore bookmarks,
    TimerWaker waker,
    TimerAuditStatus status,
    TimerMetrics metrics,
    TimerOptions options,
    TimeProvider time,
    ILogger<TimerAuditor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round comes one interval after start, so it does not race start-up reconciliation's catch-up.
        using var timer = new PeriodicTimer(options.AuditInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await AuditOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One audit round; returns how many overdue timers it fired.</summary>
    public async Task<int> AuditOnceAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        try
        {
            var overdue = await bookmarks.FindDueAsync(startedAt - options.OverdueThreshold, options.AuditBatchSize, cancellationToken);
            var fired = 0;
            await Parallel.ForEachAsync(overdue,
                new ParallelOptions { MaxDegreeOfParallelism = options.FireConcurrency, CancellationToken = cancellationToken },
                async (timer, _) =>
                {
                    var result = await waker.WakeAsync(timer.InstanceId, timer.BookmarkId, CancellationToken.None);
                    if (result == ResumeStatus.Resumed)
                    {
                        Interlocked.Increment(ref fired);
                        metrics.OverdueFired();
                        logger.LogWarning("Timer {BookmarkId} of instance {InstanceId} was overdue by {OverdueMilliseconds} ms; the auditor fired it",
                            timer.BookmarkId, timer.InstanceId, (long)(startedAt - timer.DueAt!.Value).TotalMilliseconds);
                    }
                });
            status.Succeeded(startedAt, overdue.Count, fired);
            return fired;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            status.Failed(startedAt, $"{ex.GetType().Name}: {ex.Message}");
            logger.LogError(ex, "Timer audit round failed; retrying on the next interval");
            return 0;
        }
    }
}
