namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>The <c>Hangfire</c> section of appsettings.json.</summary>
internal sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    /// <summary><c>InMemory</c> (default, one node) or, in a later issue, <c>PostgreSql</c>.</summary>
    public string Storage { get; set; } = "InMemory";

    /// <summary>How often due scheduled jobs (timer wake-ups) are moved to the queue.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Worker threads running jobs; null keeps Hangfire's default (5 per core, at most 20).</summary>
    public int? WorkerCount { get; set; } = 8;

    /// <summary>How long a stopping server waits for running jobs; an interrupted wake-up is retried (jobs are idempotent).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
