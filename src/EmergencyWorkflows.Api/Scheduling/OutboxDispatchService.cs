using EmergencyWorkflows.Api.Hosting;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>
/// Polls the outbox every <see cref="ServiceOptions.OutboxPollingInterval"/> and dispatches what bursts committed.
/// A failing round is logged and retried on the next tick; delivery is at least once (the message id is the dedup key).
/// </summary>
internal sealed class OutboxDispatchService(
    OutboxDispatcher dispatcher,
    IOptions<ServiceOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxPollingInterval, time);
        do
        {
            try
            {
                // Drain: keep going while rounds find work, so a burst of messages is not paced by the interval.
                while (await dispatcher.DispatchPendingAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox dispatch round failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
