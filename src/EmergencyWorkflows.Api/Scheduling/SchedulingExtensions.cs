using EmergencyWorkflows.Runtime.Timers;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Api.Scheduling;

internal static class SchedulingExtensions
{
    // Hangfire stores a scheduled job's time in whole seconds, so a job may run up to a second after the instant asked.
    private static readonly TimeSpan HangfireTimeGranularity = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Timers: near ones armed in-process (<see cref="NearTimerQueue"/>), far ones and failed wakes through Hangfire
    /// (storage chosen by <c>Hangfire:Storage</c>), start-up reconciliation and the escalation auditor (<c>Timers</c>
    /// section). The job storage is registered per host (not through Hangfire's static JobStorage.Current), so several
    /// hosts (tests, the benchmark) can live in one process.
    /// </summary>
    public static IServiceCollection AddTimerScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        var timers = configuration.GetSection(TimerOptions.Section).Get<TimerOptions>() ?? new TimerOptions();
        Validate(timers, options);
        services.AddSingleton(options);
        services.AddSingleton(timers);
        services.AddSingleton<JobStorage>(_ => CreateStorage(options.Storage));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((_, server) =>
        {
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            if (options.WorkerCount is { } workers)
            {
                server.WorkerCount = workers;
            }

            server.ShutdownTimeout = options.ShutdownTimeout;
            server.StopTimeout = options.ShutdownTimeout;
        });

        services.AddTransient<TimerWakeJob>();
        services.AddSingleton<HangfireTimerScheduler>();
        services.AddSingleton<NearTimerQueue>();
        services.AddSingleton<TimerWaker>();
        services.AddSingleton<TimerMetrics>();
        services.AddSingleton<TimerAuditStatus>();
        // Replaces any in-memory twin the engine registered.
        services.Replace(ServiceDescriptor.Singleton<ITimerScheduler, TimerArming>());
        services.AddHostedService<NearTimerFiringService>();
        services.AddHostedService<TimerRearmService>();
        services.AddHostedService<TimerAuditor>();
        return services;
    }

    private static void Validate(TimerOptions timers, HangfireOptions hangfire)
    {
        if (timers.ArmWindow > TimeSpan.Zero
            && (timers.HandOverLead >= timers.ArmWindow || timers.HandOverLead <= hangfire.SchedulePollingInterval + HangfireTimeGranularity))
        {
            throw new InvalidOperationException(
                $"Timers:HandOverLead ({timers.HandOverLead}) must be shorter than Timers:ArmWindow ({timers.ArmWindow}) and longer than Hangfire:SchedulePollingInterval ({hangfire.SchedulePollingInterval}) plus one second (Hangfire keeps scheduled times in whole seconds), so a far timer reaches the in-process queue before it is due.");
        }

        if (timers.FireConcurrency < 1 || timers.AuditBatchSize < 1 || timers.AuditInterval <= TimeSpan.Zero || timers.OverdueThreshold < TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                "Timers:FireConcurrency and Timers:AuditBatchSize must be at least 1, Timers:AuditInterval positive and Timers:OverdueThreshold not negative.");
        }
    }

    private static JobStorage CreateStorage(string storage) => storage.ToUpperInvariant() switch
    {
        "INMEMORY" => new InMemoryStorage(new InMemoryStorageOptions()) as JobStorage,
        _ => throw new InvalidOperationException(
            $"Hangfire:Storage '{storage}' is not supported yet; use 'InMemory' (PostgreSQL storage comes with the multi-node issue)."),
    };
}
