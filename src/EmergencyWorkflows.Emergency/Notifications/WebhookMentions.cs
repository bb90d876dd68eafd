using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>Whom to @-mention in a group webhook message: platform user ids and/or mobile numbers.</summary>
public sealed record WebhookMentions
{
    public WebhookMentions(IEnumerable<string>? userIds = null, IEnumerable<string>? mobiles = null)
    {
        UserIds = userIds?.Where(s => !string.IsNullOrWhiteSpace(s)).ToArray() ?? [];
        Mobiles = mobiles?.Where(s => !string.IsNullOrWhiteSpace(s)).ToArray() ?? [];
    }

    public static WebhookMentions None { get; } = new();

    public IReadOnlyList<string> UserIds { get; }

    public IReadOnlyList<string> Mobiles { get; }

    /// <summary>The member's account on <paramref name="platform"/> and phone, whichever exist.</summary>
    public static WebhookMentions For(TeamMember member, ImPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(member);
        var account = member.Contacts.ImAccount(platform);
        return new WebhookMentions(
            account is null ? [] : [account],
            member.Contacts.Phone is null ? [] : [member.Contacts.Phone]);
    }
}
