using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// Turns one escalation step into notifications: one per (recipient, channel) for the enabled channels the recipient
/// can be reached on (email needs an address, an IM channel an account on that platform; the generic webhook and the
/// in-app inbox reach everyone), each with its own signed acknowledge link.
/// </summary>
public static class NotificationComposer
{
    public static IReadOnlyList<Notification> Compose(
        string incidentId,
        EscalationStep step,
        Roster roster,
        IReadOnlyCollection<NotificationChannel> enabledChannels,
        string subject,
        string text,
        Func<string, Uri> ackLinkFor)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(enabledChannels);
        ArgumentNullException.ThrowIfNull(ackLinkFor);

        var result = new List<Notification>();
        foreach (var recipientId in step.RecipientIds)
        {
            // Deactivated since the plan was made: not paged.
            if (roster.Find(recipientId) is not { Active: true } member)
            {
                continue;
            }

            var ack = ackLinkFor(recipientId);
            foreach (var channel in enabledChannels.Distinct().Where(c => Reaches(member, c)))
            {
                result.Add(new Notification(incidentId, step.Tier, step.Repetition, recipientId, channel, subject, text, ack));
            }
        }

        return result;
    }

    public static bool Reaches(TeamMember member, NotificationChannel channel)
    {
        ArgumentNullException.ThrowIfNull(member);
        return channel switch
        {
            NotificationChannel.Email => member.Contacts.Email is not null,
            NotificationChannel.WeCom => member.Contacts.ImAccount(ImPlatform.WeCom) is not null,
            NotificationChannel.DingTalk => member.Contacts.ImAccount(ImPlatform.DingTalk) is not null || member.Contacts.Phone is not null,
            NotificationChannel.Feishu => member.Contacts.ImAccount(ImPlatform.Feishu) is not null,
            NotificationChannel.Slack => member.Contacts.ImAccount(ImPlatform.Slack) is not null,
            NotificationChannel.GenericWebhook or NotificationChannel.InApp => true,
            _ => false,
        };
    }
}
