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
    private const int MaxRounds = 5;

    /// <summary>Resumes every waiting signal bookmark of the incident's running instances; returns how many were applied.</summary>
    public async Task<int> WakeAsync(string incidentId, CancellationToken cancellationToken)
    {
        var running = await instances.ListAsync(new InstanceQuery(CorrelationId: incidentId, Status: WorkflowStatus.Running), cancellationToken);
        var applied = 0;
        foreach (var summary in running)
        {
            // Every waiting step is woken by this call at least once after the change committed: a step whose bookmark
            // another wake-up consumed meanwhile (it may have read the facts before this change) waits again under a new
            // bookmark id, and is woken in the next round.
            var woken = new HashSet<string>(StringComparer.Ordinal);
            for (var round = 0; round < MaxRounds; round++)
            {
                var instance = await instances.FindAsync(summary.Id, cancellationToken);
                var waiting = instance?.Bookmarks
                    .Where(b => b.Name == EmergencyBookmarks.IncidentSignal && !woken.Contains(b.ActivityInstanceId)).ToList() ?? [];
                if (waiting.Count == 0)
                {
                    break;
                }

                foreach (var bookmark in waiting)
                {
                    if ((await runtime.ResumeBookmarkAsync(bookmark.Id, null, cancellationToken)).Applied)
                    {
                        woken.Add(bookmark.ActivityInstanceId);
                        applied++;
                    }
                }
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
