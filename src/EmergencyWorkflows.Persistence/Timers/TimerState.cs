namespace EmergencyWorkflows.Persistence.Timers;

public enum TimerState
{
    /// <summary>Its bookmark is waiting; a scheduler must wake it at DueAt.</summary>
    Pending,

    /// <summary>Its bookmark was consumed (resumed, or removed by the burst that moved past it).</summary>
    Fired,

    /// <summary>Its instance was cancelled while it waited.</summary>
    Cancelled,
}
