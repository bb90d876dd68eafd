namespace EmergencyWorkflows.Api.Instances;

/// <summary>
/// Tells "already consumed" (409) from "unknown" (404) for bookmark and task ids. The runtime guarantees that exactly
/// one resumption of a bookmark is applied, but once its burst has committed the bookmark row is gone, so a request
/// arriving afterwards only hears "not found". This node remembers the ids it consumed recently (bounded) and which
/// resumptions are in flight right now; a "not found" for an id another request is consuming, or has consumed, is
/// answered 409. It never serialises requests: every request still races through the runtime. After a restart, or
/// on another node, the answer falls back to 404 "unknown, or already consumed".
/// </summary>
internal sealed class ResumeLedger
{
    private const int RememberedIds = 10_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<TaskCompletionSource>> inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> consumed = new(StringComparer.Ordinal);
    private readonly Queue<string> consumedOrder = new();

    public Attempt Begin(string key)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (!inFlight.TryGetValue(key, out var attempts))
            {
                inFlight[key] = attempts = [];
            }

            attempts.Add(done);
        }

        return new Attempt(this, key, done);
    }

    /// <summary>True when the id was consumed here, waiting first for the other attempts still in flight for it.</summary>
    public async Task<bool> WasConsumedAsync(string key, CancellationToken cancellationToken)
    {
        Task[] others;
        lock (gate)
        {
            others = inFlight.TryGetValue(key, out var attempts) ? [.. attempts.Select(a => a.Task)] : [];
        }

        await Task.WhenAll(others).WaitAsync(cancellationToken);
        lock (gate)
        {
            return consumed.Contains(key);
        }
    }

    private void End(string key, TaskCompletionSource done, bool consumedNow)
    {
        lock (gate)
        {
            if (inFlight.TryGetValue(key, out var attempts) && attempts.Remove(done) && attempts.Count == 0)
            {
                inFlight.Remove(key);
            }

            if (consumedNow && consumed.Add(key))
            {
                consumedOrder.Enqueue(key);
                if (consumedOrder.Count > RememberedIds)
                {
                    consumed.Remove(consumedOrder.Dequeue());
                }
            }
        }

        done.TrySetResult();
    }

    /// <summary>One request's resumption. It ends before it waits on others, so two waiting attempts never wait on each other.</summary>
    internal sealed class Attempt(ResumeLedger ledger, string key, TaskCompletionSource done) : IDisposable
    {
        public void End(bool consumedNow) => ledger.End(key, done, consumedNow);

        public void Dispose() => End(consumedNow: false);
    }
}
