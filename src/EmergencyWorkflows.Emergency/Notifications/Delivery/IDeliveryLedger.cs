namespace EmergencyWorkflows.Emergency.Notifications.Delivery;

/// <summary>
/// Stores one <see cref="DeliveryRecord"/> per dedup key. Implementations must make <see cref="TryBeginAsync"/>
/// atomic per key (a unique index on the key plus a conditional update), which is what makes delivery at-most-once.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>Claims an attempt: creates the record (attempt 1) or advances it via <see cref="DeliveryRecord.TryBegin"/>.
    /// Null when no attempt may start now.</summary>
    Task<DeliveryRecord?> TryBeginAsync(string dedupKey, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Stores a completed attempt; false (and nothing stored) when the attempt no longer owns the record
    /// because its lease ran out and a later attempt took over.</summary>
    Task<bool> CompleteAsync(DeliveryRecord completed, CancellationToken cancellationToken);

    Task<DeliveryRecord?> FindAsync(string dedupKey, CancellationToken cancellationToken);
}
