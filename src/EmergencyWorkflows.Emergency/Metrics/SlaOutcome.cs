namespace EmergencyWorkflows.Emergency.Metrics;

/// <summary>How one incident's response SLA ended up, as the metrics count it.</summary>
public enum SlaOutcome
{
    /// <summary>Acknowledged or arrived at or before the deadline.</summary>
    Met,

    /// <summary>The first response came after the deadline.</summary>
    Late,

    /// <summary>No response at all and the deadline has passed: a breach.</summary>
    NeverAcknowledged,

    /// <summary>No response yet, the deadline is still ahead.</summary>
    Pending,

    /// <summary>Cancelled (a false alarm) before any response was due and without a breach: not counted.</summary>
    Cancelled,

    /// <summary>The incident's workflow recorded no response SLA (triage, or not started).</summary>
    NoSla,
}
