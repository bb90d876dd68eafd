namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>What the escalation auditor last did, for <c>/health</c>: a dead or failing auditor must be noticed.</summary>
internal sealed class TimerAuditStatus(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly DateTimeOffset createdAt = time.GetUtcNow();
    private TimerAuditSnapshot snapshot = new(null, null, null, null, 0, 0);

    public TimerAuditSnapshot Current
    {
        get
        {
            lock (gate)
            {
                return snapshot;
            }
        }
    }

    /// <summary>Since when the auditor has been expected to run: its last success, else when the host started it.</summary>
    public DateTimeOffset ExpectedSince => Current.LastSuccessAt ?? createdAt;

    public void Succeeded(DateTimeOffset at, int overdueFound, int overdueFired)
    {
        lock (gate)
        {
            snapshot = snapshot with
            {
                LastRunAt = at,
                LastSuccessAt = at,
                LastOverdueFound = overdueFound,
                TotalOverdueFired = snapshot.TotalOverdueFired + overdueFired,
            };
        }
    }

    public void Failed(DateTimeOffset at, string error)
    {
        lock (gate)
        {
            snapshot = snapshot with { LastRunAt = at, LastErrorAt = at, LastError = error };
        }
    }
}

internal sealed record TimerAuditSnapshot(
    DateTimeOffset? LastRunAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    int LastOverdueFound,
    long TotalOverdueFired);
