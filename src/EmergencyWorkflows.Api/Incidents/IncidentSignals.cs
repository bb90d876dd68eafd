using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Wakes the steps of an incident's running workflow(s) that wait on what people record (assessment, regrade,
/// announcement, review, status: <see cref="EmergencyBookmarks.IncidentSignal"/>), after the change is committed. Each
/// step reads the incident's facts and completes or waits again, so a wake-up that finds nothing new changes nothing.
/// Should the process die between the commit and the wake-up, the start-up sweep wakes every open incident once.
/// </summary>
internal sealed class IncidentSignals(IWorkflowRuntime runtime, IWorkflowInstanceStore instances, ILogger<IncidentSignals> logger)
{
    /// <summary>Resumes every waiting signal bookmark of the incident's running instances; returns how many were applied.</summary>
    public async Task<int> WakeAsync(string incidentId, CancellationToken cancellationToken)
    {
        var running = await instances.ListAsync(new InstanceQuery(CorrelationId: incidentId, Status: WorkflowStatus.Running), cancellationToken);
        var applied = 0;
        foreach (var summary in running)
        {
            var instance = await instances.FindAsync(summary.Id, cancellationToken);
            foreach (var bookmark in instance?.Bookmarks.Where(b => b.Name == EmergencyBookmarks.IncidentSignal).ToList() ?? [])
            {
                var result = await runtime.ResumeBookmarkAsync(bookmark.Id, null, cancellationToken);
                applied += result.Applied ? 1 : 0;
            }
        }

        if (applied > 0)
        {
            logger.LogDebug("Incident {IncidentId}: {Count} waiting workflow step(s) woken", incidentId, applied);
        }

        return applied;
    }

    /// <summary>Cancels the incident's instances still running (closed by hand before the task list finished).</summary>
    public async Task<int> StopAsync(string incidentId, CancellationToken cancellationToken)
    {
        var running = await instances.ListAsync(new InstanceQuery(CorrelationId: incidentId, Status: WorkflowStatus.Running), cancellationToken);
        foreach (var summary in running)
        {
            await runtime.CancelAsync(summary.Id, cancellationToken);
            logger.LogInformation("Incident {IncidentId} closed: its workflow instance {InstanceId} was still running and is cancelled", incidentId, summary.Id);
        }

        return running.Count;
    }
}
