using System.Collections.Concurrent;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog.Events;

namespace EmergencyWorkflows.Api.Tests.Scheduling;

/// <summary>A timer port that loses every wake-up (records it, arms nothing): the "lost wake" the auditor must catch.</summary>
public sealed class DroppingTimerScheduler : ITimerScheduler
{
    private readonly ConcurrentQueue<TimerWakeUp> dropped = new();

    public IReadOnlyCollection<TimerWakeUp> Dropped => dropped;

    public Task ScheduleAsync(TimerWakeUp wakeUp, CancellationToken cancellationToken = default)
    {
        dropped.Enqueue(wakeUp);
        return Task.CompletedTask;
    }
}

internal static class TimerTestKit
{
    public static Action<IServiceCollection> Swap(TimeProvider? clock = null, ITimerScheduler? scheduler = null) => services =>
    {
        if (clock is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(clock));
        }

        if (scheduler is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(scheduler));
        }
    };

    /// <summary>The "Timer … fired" events (in-process, Hangfire job or auditor) for one bookmark: one per committed wake.</summary>
    public static IReadOnlyList<LogEvent> FiredEvents(this ApiFactory factory, string bookmarkId) =>
        [.. factory.Sink.Events.Where(e => e.MessageTemplate.Text.EndsWith("fired", StringComparison.Ordinal)
            && e.MessageTemplate.Text.StartsWith("Timer {BookmarkId}", StringComparison.Ordinal)
            && Text(e, "BookmarkId") == bookmarkId)];

    /// <summary>The runtime's "Resumed workflow instance" events for one instance: one per committed resume.</summary>
    public static IReadOnlyList<LogEvent> ResumedEvents(this ApiFactory factory, string instanceId) =>
        [.. factory.Sink.Events.Where(e => e.MessageTemplate.Text.StartsWith("Resumed workflow instance", StringComparison.Ordinal)
            && Text(e, "InstanceId") == instanceId)];

    public static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: var v } ? v?.ToString() : null;

    public static string DelayBookmarkId(this System.Text.Json.Nodes.JsonObject instance) =>
        (string)instance.Bookmarks("Elsa.Delay").Single()["id"]!;
}
