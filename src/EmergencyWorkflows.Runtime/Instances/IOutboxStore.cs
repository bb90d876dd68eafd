namespace EmergencyWorkflows.Runtime.Instances;

/// <summary>Reads the outbox rows written with each burst and records their dispatch.</summary>
public interface IOutboxStore
{
    Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(int take, CancellationToken cancellationToken = default);

    /// <summary>Marks a message dispatched. Returns false when it was already marked (someone else dispatched it).</summary>
    Task<bool> MarkDispatchedAsync(string messageId, CancellationToken cancellationToken = default);
}
