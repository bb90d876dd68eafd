using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// Sends committed outbox messages: routes each pending message by kind to its handler and marks it dispatched.
/// A failing handler leaves the message pending for the next round; a kind nobody handles is marked and logged.
/// </summary>
public sealed class OutboxDispatcher(IOutboxStore outbox, IEnumerable<IOutboxMessageHandler> handlers, ILogger<OutboxDispatcher>? logger = null)
{
    private const int BatchSize = 100;
    private readonly Dictionary<string, IOutboxMessageHandler[]> byKind = handlers
        .GroupBy(h => h.Kind, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private readonly ILogger logger = logger ?? NullLogger<OutboxDispatcher>.Instance;

    /// <summary>Dispatches one batch of pending messages; returns how many were marked dispatched.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        var pending = await outbox.ListPendingAsync(BatchSize, cancellationToken);
        var dispatched = 0;
        foreach (var message in pending)
        {
            if (!byKind.TryGetValue(message.Kind, out var targets))
            {
                logger.LogWarning("No handler for outbox message {MessageId} of kind {Kind}; marking it dispatched", message.Id, message.Kind);
            }
            else
            {
                try
                {
                    foreach (var handler in targets)
                    {
                        await handler.HandleAsync(message, cancellationToken);
                    }
                }
#pragma warning disable CA1031 // A failed delivery stays pending and is retried; one bad message must not stop the batch.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    logger.LogError(ex, "Outbox message {MessageId} of kind {Kind} failed; it stays pending", message.Id, message.Kind);
                    continue;
                }
            }

            if (await outbox.MarkDispatchedAsync(message.Id, cancellationToken))
            {
                dispatched++;
            }
        }

        return dispatched;
    }
}
