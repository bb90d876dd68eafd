using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace EmergencyWorkflows.Api.Tests.Infrastructure;

/// <summary>A Serilog sink that keeps every event the host logs, as the real sinks would receive it.</summary>
public sealed class CapturingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public IReadOnlyCollection<LogEvent> Events => events;

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
}
