namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>The <c>Timers</c> section of appsettings.json: how timers are armed, fired and audited.</summary>
internal sealed class TimerOptions
{
    public const string Section = "Timers";

    /// <summary>
    /// Timers due within this window are armed in-process (fired within milliseconds of their due time); later ones
    /// get a Hangfire job that hands them to the in-process queue shortly before they are due. Zero arms everything
    /// through Hangfire alone (the benchmark's baseline).
    /// </summary>
    public TimeSpan ArmWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long before its due time the Hangfire job of a far timer runs to hand it to the in-process queue; larger
    /// than Hangfire's polling interval plus one second (Hangfire's time granularity) so a polled job still arrives
    /// before the due time, smaller than ArmWindow.
    /// </summary>
    public TimeSpan HandOverLead { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many timers fire at once (in-process queue, start-up catch-up, auditor); bounds the commit writer's batch.</summary>
    public int FireConcurrency { get; set; } = 64;

    /// <summary>How often the escalation auditor looks for timers nobody fired.</summary>
    public TimeSpan AuditInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A pending timer this far past its due time is "lost": the auditor fires it, warns and counts it.</summary>
    public TimeSpan OverdueThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many overdue timers one audit round fires at most (the next round takes the rest).</summary>
    public int AuditBatchSize { get; set; } = 1000;
}
