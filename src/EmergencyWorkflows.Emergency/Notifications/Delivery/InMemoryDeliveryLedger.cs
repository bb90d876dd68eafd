namespace EmergencyWorkflows.Emergency.Notifications.Delivery;

/// <summary>The in-memory twin of <see cref="IDeliveryLedger"/>: one lock, so claims are atomic within a process.</summary>
public sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    private readonly Dictionary<string, DeliveryRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<DeliveryRecord?> TryBeginAsync(string dedupKey, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupKey);
        lock (_gate)
        {
            var next = _records.TryGetValue(dedupKey, out var current)
                ? current.TryBegin(now, lease)
                : DeliveryRecord.First(dedupKey, now, lease);
            if (next is not null)
            {
                _records[dedupKey] = next;
            }

            return Task.FromResult(next);
        }
    }

    public Task<bool> CompleteAsync(DeliveryRecord completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completed);
        lock (_gate)
        {
            if (!_records.TryGetValue(completed.DedupKey, out var current)
                || current.Attempts != completed.Attempts
                || current.Status != DeliveryStatus.InFlight)
            {
                return Task.FromResult(false);
            }

            _records[completed.DedupKey] = completed;
            return Task.FromResult(true);
        }
    }

    public Task<DeliveryRecord?> FindAsync(string dedupKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.GetValueOrDefault(dedupKey));
        }
    }
}
