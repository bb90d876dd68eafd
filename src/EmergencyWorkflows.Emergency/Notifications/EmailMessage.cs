namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>An email to send. <see cref="DedupKey"/>, when set, becomes the Message-ID so that a retried send of the
/// same notification is recognisable as the same message by the receiving side.</summary>
public sealed record EmailMessage(string ToAddress, string? ToName, string Subject, string TextBody, string? DedupKey = null)
{
    public static EmailMessage ForNotification(Notification notification, string toAddress, string? toName = null, string ackLabel = "Acknowledge")
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = $"{notification.Text}\n\n{ackLabel}: {notification.AckUrl.AbsoluteUri}\n";
        return new EmailMessage(toAddress, toName, notification.Subject, body, notification.DedupKey);
    }
}
