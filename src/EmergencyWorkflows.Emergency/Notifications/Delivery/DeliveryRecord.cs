namespace EmergencyWorkflows.Emergency.Notifications.Delivery;

/// <summary>
/// The delivery state of one notification (one dedup key). Pure transitions: <see cref="First"/> / <see cref="TryBegin"/>
/// claim an attempt under a lease, <see cref="Complete"/> records its outcome. Together with a ledger that stores one
/// record per dedup key atomically, a job that runs twice sends at most once. The one gap no ledger can close: an
/// attempt that delivered and then crashed before recording is retried when its lease runs out.
/// </summary>
public sealed record DeliveryRecord(
    string DedupKey,
    int Attempts,
    DeliveryStatus Status,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? NextAttemptAt,
    int? LastStatusCode,
    string? LastError)
{
    public static DeliveryRecord First(string dedupKey, DateTimeOffset now, TimeSpan lease) =>
        new(dedupKey, 1, DeliveryStatus.InFlight, now, now + lease, null, null, null);

    /// <summary>The next attempt if one may start now; null when delivered, failed, in flight under a live lease,
    /// or waiting for its retry time.</summary>
    public DeliveryRecord? TryBegin(DateTimeOffset now, TimeSpan lease)
    {
        var mayStart = Status switch
        {
            DeliveryStatus.RetryScheduled => NextAttemptAt is null || now >= NextAttemptAt,
            DeliveryStatus.InFlight => LeaseUntil is null || now >= LeaseUntil,
            _ => false,
        };
        return mayStart
            ? this with { Attempts = Attempts + 1, Status = DeliveryStatus.InFlight, UpdatedAt = now, LeaseUntil = now + lease, NextAttemptAt = null }
            : null;
    }

    public DeliveryRecord Complete(DeliveryResult result, DateTimeOffset now, RetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(retry);
        if (result.Succeeded)
        {
            return this with { Status = DeliveryStatus.Delivered, UpdatedAt = now, LeaseUntil = null, LastStatusCode = result.StatusCode, LastError = null };
        }

        var next = result.Transient ? retry.NextAttemptAt(Attempts, now) : null;
        return this with
        {
            Status = next is null ? DeliveryStatus.Failed : DeliveryStatus.RetryScheduled,
            UpdatedAt = now,
            LeaseUntil = null,
            NextAttemptAt = next,
            LastStatusCode = result.StatusCode,
            LastError = result.Error,
        };
    }
}
