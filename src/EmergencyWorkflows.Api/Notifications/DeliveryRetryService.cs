using EmergencyWorkflows.Persistence.Notifications;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Notifications;

/// <summary>
/// Every <see cref="DeliveryOptions.RetrySweepInterval"/>, attempts again the notifications whose retry is due, and those
/// whose attempt lost its lease (the process died mid-send). The ledger's claim makes a sweep racing the outbox, another
/// sweep or another node harmless.
/// </summary>
internal sealed class DeliveryRetryService(
    EfDeliveryLedger ledger, NotificationDelivery delivery, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DeliveryRetryService> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetrySweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Delivery retry sweep failed; retrying on the next tick");
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await ledger.ListDueAsync(time.GetUtcNow(), BatchSize, cancellationToken);
        foreach (var pending in due)
        {
            await delivery.AttemptAsync(pending.Notification, cancellationToken);
        }

        return due.Count;
    }
}
