namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// The counters of one running flowchart (§2.4): visits per activity, visits per connection and whether each
/// connection's last visit was followed. Persisted with the flowchart's context.
/// </summary>
public sealed class FlowScope
{
    public required string StartActivityId { get; init; }
    public Dictionary<string, int> ActivityVisits { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> ConnectionVisits { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, bool> ConnectionFollowed { get; } = new(StringComparer.Ordinal);

    public int ActivityVisit(string id) => ActivityVisits.TryGetValue(id, out var n) ? n : 0;

    public int ConnectionVisit(string key) => ConnectionVisits.TryGetValue(key, out var n) ? n : 0;

    public bool Followed(string key) => ConnectionFollowed.TryGetValue(key, out var f) && f;
}
