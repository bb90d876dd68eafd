using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Which workflow instance works for an incident (the ids: <see cref="IncidentInstanceIds"/>); the re-categorised
/// instance has the incident id as correlation id.
/// </summary>
internal static class IncidentInstances
{
    /// <summary>The incident's current instance: its own while that runs, else the re-categorised one, else its own.</summary>
    public static async Task<WorkflowInstance?> CurrentAsync(IWorkflowInstanceStore instances, string incidentId, CancellationToken cancellationToken)
    {
        var own = await instances.FindAsync(incidentId, cancellationToken);
        if (own is { IsFinished: false })
        {
            return own;
        }

        foreach (var moved in IncidentInstanceIds.All(incidentId).Skip(1))
        {
            if (await instances.FindAsync(moved, cancellationToken) is { } instance)
            {
                return instance;
            }
        }

        return own;
    }
}
