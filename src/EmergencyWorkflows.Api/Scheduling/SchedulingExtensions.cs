using EmergencyWorkflows.Runtime.Timers;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Api.Scheduling;

internal static class SchedulingExtensions
{
    /// <summary>
    /// Hangfire behind the timer port: storage chosen by <c>Hangfire:Storage</c>, a server polling scheduled jobs every
    /// <c>Hangfire:SchedulePollingInterval</c>, the <see cref="HangfireTimerScheduler"/>, and start-up re-arming.
    /// The job storage is registered per host (not through Hangfire's static JobStorage.Current), so several hosts
    /// (tests) can live in one process.
    /// </summary>
    public static IServiceCollection AddTimerScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        services.AddSingleton(options);
        services.AddSingleton<JobStorage>(_ => CreateStorage(options.Storage));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((_, server) =>
        {
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            server.WorkerCount = options.WorkerCount;
            server.ShutdownTimeout = options.ShutdownTimeout;
            server.StopTimeout = options.ShutdownTimeout;
        });

        services.AddTransient<TimerWakeJob>();
        // Replaces any in-memory twin the engine registered.
        services.Replace(ServiceDescriptor.Singleton<ITimerScheduler, HangfireTimerScheduler>());
        services.AddHostedService<TimerRearmService>();
        return services;
    }

    private static JobStorage CreateStorage(string storage) => storage.ToUpperInvariant() switch
    {
        "INMEMORY" => new InMemoryStorage(new InMemoryStorageOptions()) as JobStorage,
        _ => throw new InvalidOperationException(
            $"Hangfire:Storage '{storage}' is not supported yet; use 'InMemory' (PostgreSQL storage comes with the multi-node issue)."),
    };
}
