using EmergencyWorkflows.Api.Hosting;
using EmergencyWorkflows.Api.Scheduling;
using EmergencyWorkflows.Runtime.Definitions;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Health;

internal static class HealthEndpoints
{
    private const int StaleAfterIntervals = 3;

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetAsync).WithTags("Health");
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetAsync(
        IOptions<ServiceOptions> service,
        HangfireOptions hangfire,
        TimerOptions timerOptions,
        TimerAuditStatus audit,
        JobStorage jobStorage,
        IWorkflowDefinitionStore definitions,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var storageOk = await ProbeAsync(async () => (await definitions.ListLatestAsync(cancellationToken)).Count, loggers, "storage") is not null;
        var servers = await ProbeAsync(() => Task.FromResult(jobStorage.GetMonitoringApi().Servers().Count), loggers, "timer scheduler");
        var schedulerOk = servers is not null;

        var auditor = AuditorHealth(audit, timerOptions, time.GetUtcNow());

        var report = new HealthReport(
            storageOk && schedulerOk && auditor.Status == "ok" ? "ok" : "degraded",
            service.Value.ServiceName,
            time.GetUtcNow(),
            new StorageHealth(storageOk ? "ok" : "unreachable", "SQLite"),
            new TimerSchedulerHealth(schedulerOk ? "ok" : "unreachable", "Hangfire", hangfire.Storage, servers ?? 0, hangfire.SchedulePollingInterval),
            auditor);

        return report.Status == "ok"
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// The auditor is "stale" when it has not succeeded for three intervals (a dead loop, or every round failing): then
    /// a lost timer would go unnoticed, so the service reports itself degraded.
    /// </summary>
    private static TimerAuditorHealth AuditorHealth(TimerAuditStatus audit, TimerOptions options, DateTimeOffset now)
    {
        var current = audit.Current;
        var stale = now - audit.ExpectedSince > options.AuditInterval * StaleAfterIntervals;
        return new TimerAuditorHealth(
            stale ? "stale" : "ok",
            current.LastRunAt,
            current.LastSuccessAt,
            current.LastErrorAt,
            current.LastError,
            current.LastOverdueFound,
            current.TotalOverdueFired,
            options.AuditInterval,
            options.OverdueThreshold);
    }

    /// <summary>Runs one probe; null when it failed (the reason goes to the log, not to the caller).</summary>
    private static async Task<T?> ProbeAsync<T>(Func<Task<T>> probe, ILoggerFactory loggers, string component)
        where T : struct
    {
        try
        {
            return await probe();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning(ex, "Health probe of {Component} failed", component);
            return null;
        }
    }
}

internal sealed record HealthReport(string Status, string Service, DateTimeOffset CheckedAt, StorageHealth Storage, TimerSchedulerHealth TimerScheduler,
    TimerAuditorHealth TimerAuditor);

internal sealed record StorageHealth(string Status, string Provider);

internal sealed record TimerSchedulerHealth(string Status, string Kind, string Storage, int Servers, TimeSpan SchedulePollingInterval);

internal sealed record TimerAuditorHealth(
    string Status,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    int LastOverdueFound,
    long TotalOverdueFired,
    TimeSpan Interval,
    TimeSpan OverdueThreshold);
