using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>Delivers outbox messages of one <see cref="Kind"/>. Must be idempotent: a message can be delivered more than once.</summary>
public interface IOutboxMessageHandler
{
    string Kind { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
