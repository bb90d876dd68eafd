namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>
/// The workflow instance ids one incident may have. The instance id is the incident id, except after a report of
/// unknown category was re-categorised: its triage instance (id = incident id) is cancelled and the category's workflow
/// runs as <c>{incidentId}-{category}</c>. Incident ids are GUIDs without dashes, so the suffix is unambiguous. Whatever
/// an instance writes for its incident (notifications, timeline lines) is found through these ids.
/// </summary>
public static class IncidentInstanceIds
{
    private static readonly string[] Keys =
        [IncidentCategoryKeys.PersonnelSafety, IncidentCategoryKeys.ServiceInterruption, IncidentCategoryKeys.ComplaintDispute];

    public static string ForCategory(string incidentId, string category) => $"{incidentId}-{category}";

    /// <summary>The incident an instance id belongs to (the id itself unless it is a re-categorised incident's).</summary>
    public static string IncidentOf(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        foreach (var key in Keys)
        {
            if (instanceId.Length > key.Length + 1 && instanceId.EndsWith("-" + key, StringComparison.Ordinal))
            {
                return instanceId[..^(key.Length + 1)];
            }
        }

        return instanceId;
    }

    /// <summary>Every instance id the incident may have: its own, then one per category it could be moved to.</summary>
    public static IReadOnlyList<string> All(string incidentId)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        return [incidentId, .. Keys.Select(k => ForCategory(incidentId, k))];
    }
}
