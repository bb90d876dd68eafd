using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Instances;

/// <summary>
/// Maps a runtime <see cref="ResumeResult"/> to the HTTP answer: 200 with the instance, 404 (unknown id) or 409
/// (consumed by another resumption; the runtime tells the two apart because bookmark and task ids name their instance).
/// </summary>
internal sealed class ResumeAnswers(InstanceViews views, IWorkflowInstanceStore instances)
{
    public async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ToHttpAsync(
        ResumeResult result, string notFound, string alreadyConsumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Status)
        {
            case ResumeStatus.Resumed:
                var instance = result.Instance
                    ?? (result.InstanceId is null ? null : await instances.FindAsync(result.InstanceId, cancellationToken));
                return instance is null
                    ? Problems.NotFound(notFound)
                    : TypedResults.Ok(await views.CreateAsync(instance, cancellationToken));
            case ResumeStatus.AlreadyConsumed:
                return Problems.Conflict(alreadyConsumed);
            case ResumeStatus.NotDue:
                return Problems.Conflict($"{result.Message} The timer is not due yet.");
            default:
                return Problems.NotFound(notFound);
        }
    }
}
