using EmergencyWorkflows.Emergency.Team;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Emergency.Notifications.Delivery;

/// <summary>
/// Sends one notification at most once: claims an attempt in the ledger, delivers through the channel's transport,
/// records the outcome (delivered, retry at a computed time, or failed). Safe to call again for the same notification
/// (a re-run job, a retry sweep): it does nothing unless an attempt is due.
/// </summary>
public sealed class NotificationDispatcher
{
    /// <summary>How long an attempt owns its notification; longer than any transport's own timeout.</summary>
    public static readonly TimeSpan AttemptLease = TimeSpan.FromMinutes(2);

    private readonly IDeliveryLedger _ledger;
    private readonly Dictionary<NotificationChannel, INotificationTransport> _transports;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationDispatcher> _logger;

    public NotificationDispatcher(
        IDeliveryLedger ledger, IEnumerable<INotificationTransport> transports, RetryPolicy retry, TimeProvider time, ILogger<NotificationDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(transports);
        _ledger = ledger;
        _transports = transports.ToDictionary(t => t.Channel);
        _retry = retry;
        _time = time;
        _logger = logger;
    }

    /// <summary>The record after this call's attempt, or null when no attempt was due (already delivered, failed for
    /// good, in flight elsewhere, or waiting for its retry time).</summary>
    public async Task<DeliveryRecord?> DispatchAsync(Notification notification, TeamMember recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(recipient);
        var key = notification.DedupKey;
        var attempt = await _ledger.TryBeginAsync(key, _time.GetUtcNow(), AttemptLease, cancellationToken);
        if (attempt is null)
        {
            _logger.LogDebug("Notification {DedupKey} not due; skipped", key);
            return null;
        }

        DeliveryResult result;
        if (!_transports.TryGetValue(notification.Channel, out var transport))
        {
            result = DeliveryResult.Failed(null, $"No transport is configured for channel {notification.Channel}.", transient: false);
        }
        else
        {
            try
            {
                result = await transport.DeliverAsync(notification, recipient, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Transports return failures; an exception is a bug or an unforeseen fault: retry, and say so.
                _logger.LogError(ex, "Transport {Channel} threw for {DedupKey}", notification.Channel, key);
                result = DeliveryResult.Failed(null, $"{ex.GetType().Name}: {ex.Message}", transient: true);
            }
        }

        var completed = attempt.Complete(result, _time.GetUtcNow(), _retry);
        if (!await _ledger.CompleteAsync(completed, cancellationToken))
        {
            _logger.LogWarning("Attempt {Attempt} of {DedupKey} lost its lease before completing; its outcome is dropped", attempt.Attempts, key);
            return await _ledger.FindAsync(key, cancellationToken);
        }

        _logger.LogInformation(
            "Notification {DedupKey} attempt {Attempt}: {DeliveryStatus} {StatusCode} next {NextAttemptAt}",
            key, completed.Attempts, completed.Status, completed.LastStatusCode, completed.NextAttemptAt);
        return completed;
    }
}
