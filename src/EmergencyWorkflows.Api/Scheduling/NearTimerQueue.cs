using EmergencyWorkflows.Runtime.Timers;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// The in-process arm for timers due soon: a priority queue on the injected <see cref="TimeProvider"/>, so a wake-up
/// happens within milliseconds of its due time instead of after a Hangfire polling round. It holds ids and due times
/// only; losing it (a crash) loses nothing, because the timers table is the truth and start-up and the auditor re-arm
/// from it. Arming the same timer twice with the same due time keeps one entry.
/// </summary>
internal sealed class NearTimerQueue(TimeProvider time)
{
    // Task.Delay takes at most ~49 days; waking once an hour and looking again is plenty for a rare far entry.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private readonly PriorityQueue<TimerWakeUp, DateTimeOffset> queue = new();
    private readonly Dictionary<string, DateTimeOffset> armed = new(StringComparer.Ordinal);
    private TaskCompletionSource earlierArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many timers are armed and not yet handed out.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return armed.Count;
            }
        }
    }

    public void Arm(TimerWakeUp wakeUp)
    {
        ArgumentNullException.ThrowIfNull(wakeUp);
        TaskCompletionSource? signal = null;
        lock (gate)
        {
            if (armed.TryGetValue(wakeUp.BookmarkId, out var current) && current == wakeUp.DueAt)
            {
                return;
            }

            armed[wakeUp.BookmarkId] = wakeUp.DueAt;
            var becomesFirst = !queue.TryPeek(out _, out var head) || wakeUp.DueAt < head;
            queue.Enqueue(wakeUp, wakeUp.DueAt);
            if (becomesFirst)
            {
                signal = earlierArrived;
                earlierArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        signal?.TrySetResult();
    }

    /// <summary>Waits until at least one armed timer is due, then takes and returns every due one (earliest first).</summary>
    public async Task<IReadOnlyList<TimerWakeUp>> TakeDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task earlier;
            TimeSpan wait;
            DateTimeOffset? nextDue;
            lock (gate)
            {
                var now = time.GetUtcNow();
                List<TimerWakeUp>? due = null;
                while (queue.TryPeek(out var head, out var dueAt) && dueAt <= now)
                {
                    queue.Dequeue();
                    // An entry superseded by a re-arm with another due time is skipped; the newer entry stands.
                    if (armed.TryGetValue(head.BookmarkId, out var current) && current == dueAt)
                    {
                        armed.Remove(head.BookmarkId);
                        (due ??= []).Add(head);
                    }
                }

                if (due is not null)
                {
                    return due;
                }

                earlier = earlierArrived.Task;
                nextDue = queue.TryPeek(out _, out var next) ? next : null;
                wait = nextDue is { } at ? Min(at - now, LongestWait) : LongestWait;
            }

            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var elapsed = Task.Delay(wait, time, stopWaiting.Token);
            // The clock may have moved between reading it and starting the delay (a fake clock jumps): look again.
            if (!(time.GetUtcNow() >= nextDue))
            {
                await Task.WhenAny(earlier, elapsed);
            }

            await stopWaiting.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
