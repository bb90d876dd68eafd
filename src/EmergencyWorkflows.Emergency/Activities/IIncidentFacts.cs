namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// What the incident record says right now, for the Emergency.* steps that follow the people's side of the plan
/// (assessment, announcements, status). The API records those facts in its own transaction and then wakes the waiting
/// steps (<see cref="EmergencyBookmarks.IncidentSignal"/>); a step arriving after the fact reads it here instead of
/// waiting for a signal that already came. Synchronous on purpose: activities execute synchronously inside a burst.
/// </summary>
public interface IIncidentFacts
{
    /// <summary>The facts of the incident, or null when the instance belongs to no incident (started through the engine API).</summary>
    IncidentFacts? Find(string incidentId);
}

/// <param name="Status">The incident's status name (IncidentStatus).</param>
/// <param name="Grade">The recorded grade (1-3), null until assessed.</param>
/// <param name="Assessment">The recorded assessment as JSON text (grade, methods, evidence, assessedBy, assessedAt), if any.</param>
/// <param name="Announcements">How many announcements were published for it.</param>
public sealed record IncidentFacts(string Status, int? Grade, string? Assessment, int Announcements);

/// <summary>The in-memory twin of <see cref="IIncidentFacts"/> (pure executor tests, engine-only hosts).</summary>
public sealed class InMemoryIncidentFacts : IIncidentFacts
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IncidentFacts> facts = new(StringComparer.Ordinal);

    public IncidentFacts? Find(string incidentId) => facts.TryGetValue(incidentId, out var found) ? found : null;

    public void Set(string incidentId, IncidentFacts value) => facts[incidentId] = value;
}
