namespace EmergencyWorkflows.Api.Engine;

/// <summary>PENDING MERGE of h/engine: stands in for the engine's OutboxDispatcher until it exists.</summary>
internal sealed class OutboxDispatch(TimeProvider time)
{
    public Task<int> DispatchPendingAsync(CancellationToken cancellationToken) => Task.FromResult(time.GetUtcNow().Year < 0 ? 1 : 0);
}
