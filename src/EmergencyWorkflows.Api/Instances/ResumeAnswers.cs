using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Instances;

/// <summary>Runs one resumption and maps its <see cref="ResumeResult"/> to the HTTP answer: 200 with the instance, 404, or 409.</summary>
internal sealed class ResumeAnswers(InstanceViews views, IWorkflowInstanceStore instances, ResumeLedger ledger)
{
    public async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ResumeAsync(
        string ledgerKey,
        Func<CancellationToken, Task<ResumeResult>> resume,
        string notFound,
        string alreadyConsumed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resume);
        ResumeResult result;
        using (var attempt = ledger.Begin(ledgerKey))
        {
            result = await resume(cancellationToken);
            attempt.End(consumedNow: result.Status == ResumeStatus.Resumed);
        }

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
                return await ledger.WasConsumedAsync(ledgerKey, cancellationToken)
                    ? Problems.Conflict(alreadyConsumed)
                    : Problems.NotFound(notFound);
        }
    }
}
