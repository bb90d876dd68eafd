using System.Collections.Concurrent;
using EmergencyWorkflows.Runtime.Activities;

namespace EmergencyWorkflows.Runtime.Tests.Execution;

/// <summary>Captures WriteLine output per instance.</summary>
public sealed class CapturingLineWriter : IWorkflowLineWriter
{
    private readonly ConcurrentDictionary<string, List<string>> lines = new();

    public void WriteLine(string instanceId, string text)
    {
        var list = lines.GetOrAdd(instanceId, _ => []);
        lock (list)
        {
            list.Add(text);
        }
    }

    public IReadOnlyList<string> LinesOf(string instanceId) =>
        lines.TryGetValue(instanceId, out var list) ? [.. list] : [];
}
