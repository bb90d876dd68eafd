using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Which workflow instance works for an incident. The instance id is the incident id, except after a report of
/// unknown category was re-categorised: its triage instance (id = incident id) is cancelled and the category's workflow
/// runs as <c>{incidentId}-{category}</c>, with the incident id as correlation id. Incident ids are GUIDs without
/// dashes, so the suffix is unambiguous.
/// </summary>
internal static class IncidentInstances
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

    /// <summary>The incident's current instance: its own while that runs, else the re-categorised one, else its own.</summary>
    public static async Task<WorkflowInstance?> CurrentAsync(IWorkflowInstanceStore instances, string incidentId, CancellationToken cancellationToken)
    {
        var own = await instances.FindAsync(incidentId, cancellationToken);
        if (own is { IsFinished: false })
        {
            return own;
        }

        foreach (var key in Keys)
        {
            if (await instances.FindAsync(ForCategory(incidentId, key), cancellationToken) is { } moved)
            {
                return moved;
            }
        }

        return own;
    }
}
