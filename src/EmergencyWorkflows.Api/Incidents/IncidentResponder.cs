using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Hands an acknowledgement or arrival to the incident's waiting Emergency.* activity (an <c>Emergency.Response</c>
/// bookmark) through the runtime, so it is committed with the instance before anyone is told it was accepted. A
/// response that is already recorded is answered idempotently; a lost race (the deadline fired meanwhile) is retried
/// against the activity now waiting.
/// </summary>
internal sealed class IncidentResponder(
    IWorkflowRuntime runtime, IWorkflowInstanceStore instances, IncidentLedger ledger, ILogger<IncidentResponder> logger)
{
    private const int MaxAttempts = 5;

    /// <param name="recordedBy">The signed-in user who recorded the response (null for a signed link).</param>
    public async Task<ResponseOutcome> RespondAsync(string instanceId, IncidentResponse response, string? recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var verb = response.Kind == ResponseKind.Acknowledge ? "acknowledgement" : "arrival";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var instance = await IncidentInstances.CurrentAsync(instances, instanceId, cancellationToken);
            if (instance is null)
            {
                return ResponseOutcome.NotFound($"No incident (workflow instance) '{instanceId}' exists.");
            }

            var bookmark = instance.Bookmarks.Find(b => EmergencyBookmarks.Accepts(b, response.Kind));
            if (bookmark is null)
            {
                if (IncidentRecord.HasResponded(instance, response.Kind))
                {
                    return ResponseOutcome.Recorded(instance, alreadyRecorded: true,
                        $"The {verb} of incident '{instanceId}' was already recorded; nothing was changed.");
                }

                return ResponseOutcome.Conflict(instance.IsFinished
                    ? $"Incident '{instanceId}' has already finished ({instance.SubStatus}); an {verb} can no longer be recorded."
                    : $"Incident '{instanceId}' is not waiting for an {verb} (its workflow has no pending Emergency.ResponseSla, " +
                      "Emergency.Escalate or Emergency.AwaitResponse step that takes one).");
            }

            var input = new JsonObject { [EmergencyBookmarks.ResponseInputKey] = response.ToJson() };
            var result = await runtime.ResumeBookmarkAsync(bookmark.Id, input, cancellationToken);
            if (result.Status == ResumeStatus.Resumed && result.Instance is { } resumed)
            {
                logger.LogInformation("Incident {InstanceId}: {ResponseKind} recorded via {Via} by {By}",
                    instanceId, response.Kind, response.Via, PersonalData.Mask(response.By));

                // The workflow has it (committed); now the incident's status, timeline and participants follow.
                await ledger.RecordResponseAsync(instanceId, response, recordedBy, CancellationToken.None);
                return ResponseOutcome.Recorded(resumed, alreadyRecorded: false, $"The {verb} of incident '{instanceId}' was recorded.");
            }

            logger.LogDebug("Incident {InstanceId}: {ResponseKind} lost a race for bookmark {BookmarkId} (attempt {Attempt}); looking again",
                instanceId, response.Kind, bookmark.Id, attempt);
        }

        return ResponseOutcome.Conflict($"Incident '{instanceId}' kept changing while the {verb} was being recorded; try again.");
    }
}

internal enum ResponseOutcomeKind
{
    Recorded,
    NotFound,
    Conflict,
}

internal sealed record ResponseOutcome(ResponseOutcomeKind Kind, string Message, WorkflowInstance? Instance, bool AlreadyRecorded)
{
    public static ResponseOutcome Recorded(WorkflowInstance instance, bool alreadyRecorded, string message) =>
        new(ResponseOutcomeKind.Recorded, message, instance, alreadyRecorded);

    public static ResponseOutcome NotFound(string message) => new(ResponseOutcomeKind.NotFound, message, null, false);

    public static ResponseOutcome Conflict(string message) => new(ResponseOutcomeKind.Conflict, message, null, false);
}
