namespace EmergencyWorkflows.Emergency.Notifications.Delivery;

public enum DeliveryStatus
{
    /// <summary>An attempt holds the lease; nobody else may send until it completes or the lease runs out.</summary>
    InFlight,
    Delivered,

    /// <summary>A transient failure; the next attempt may start at <see cref="DeliveryRecord.NextAttemptAt"/>.</summary>
    RetryScheduled,

    /// <summary>A permanent failure, or the retry budget is spent. Final.</summary>
    Failed,
}
