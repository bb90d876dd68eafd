using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Persistence.Notifications;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Notifications;

/// <summary>
/// Delivers one notification: registers it in the durable ledger (once per dedup key), finds the recipient in the
/// directory, and lets the dispatcher claim, send and record one attempt. Used by the outbox handler (first attempt)
/// and by the retry sweep (later attempts); both are safe to run twice at once.
/// </summary>
internal sealed class NotificationDelivery(
    EfDeliveryLedger ledger,
    NotificationDispatcher dispatcher,
    IEmergencyDirectory directory,
    IOptions<AuthOptions> auth,
    RetryPolicy retry,
    TimeProvider time,
    ILogger<NotificationDelivery> logger)
{
    public async Task<DeliveryRecord?> DeliverAsync(Notification notification, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await ledger.RegisterAsync(notification, instanceId, cancellationToken);
        return await AttemptAsync(notification, cancellationToken);
    }

    public async Task<DeliveryRecord?> AttemptAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        DeliveryRecord? outcome;
        var recipient = directory.Roster.Find(notification.RecipientId) ?? SignInUser(notification.RecipientId);
        if (recipient is null)
        {
            outcome = await RecordUnknownRecipientAsync(notification, cancellationToken);
        }
        else
        {
            outcome = await dispatcher.DispatchAsync(notification, recipient, cancellationToken);
        }

        if (outcome is null)
        {
            return null;
        }

        var masked = recipient is null ? string.Empty : PersonalData.MaskName(recipient.DisplayName);
        if (outcome.Status == DeliveryStatus.Failed)
        {
            logger.LogWarning(
                "Notification {DedupKey} of incident {IncidentId} to {RecipientId} ({Recipient}) via {Channel} failed for good after {Attempt} attempt(s): {DeliveryError}",
                outcome.DedupKey, notification.IncidentId, notification.RecipientId, masked, notification.Channel, outcome.Attempts, outcome.LastError);
        }
        else
        {
            logger.LogInformation(
                "Notification {DedupKey} of incident {IncidentId} to {RecipientId} ({Recipient}) via {Channel}: attempt {Attempt} {DeliveryStatus}",
                outcome.DedupKey, notification.IncidentId, notification.RecipientId, masked, notification.Channel, outcome.Attempts, outcome.Status);
        }

        return outcome;
    }

    /// <summary>An employee who is no team member (an affected employee told of an announcement) is reached by user
    /// name: the in-app inbox reaches them; channels needing contact details fail, recorded, as for a member without them.</summary>
    private TeamMember? SignInUser(string recipientId) =>
        auth.Value.Users.FirstOrDefault(u => u.UserName == recipientId || u.MemberId == recipientId) is { } user
            ? new TeamMember(recipientId, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName, string.Empty, [])
            : null;

    // The member may have been added on another node a moment ago (the directory refreshes every few seconds), so
    // this is a transient failure: retried with backoff, and recorded as failed when the retries run out.
    private async Task<DeliveryRecord?> RecordUnknownRecipientAsync(Notification notification, CancellationToken cancellationToken)
    {
        var attempt = await ledger.TryBeginAsync(notification.DedupKey, time.GetUtcNow(), NotificationDispatcher.AttemptLease, cancellationToken);
        if (attempt is null)
        {
            return null;
        }

        var result = DeliveryResult.Failed(null, $"Recipient '{notification.RecipientId}' is not on the emergency team.", transient: true);
        var completed = attempt.Complete(result, time.GetUtcNow(), retry);
        return await ledger.CompleteAsync(completed, cancellationToken) ? completed : await ledger.FindAsync(notification.DedupKey, cancellationToken);
    }
}
