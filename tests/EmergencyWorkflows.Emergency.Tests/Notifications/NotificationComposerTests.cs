using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Tests.Notifications;

public class NotificationComposerTests
{
    private static readonly Roster Members = new(
    [
        new TeamMember("a", "A", "IT", [], new ContactChannels(null, "a@example.com", new Dictionary<ImPlatform, string> { [ImPlatform.Slack] = "UA" })),
        new TeamMember("b", "B", "IT", [], new ContactChannels("13800001111", null)),
    ]);

    private static readonly EscalationStep Step = new(2, 3, new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero), ["a", "b", "gone"]);

    [Fact]
    public void Compose_EnabledChannels_OnePerReachableRecipientAndChannel()
    {
        var notifications = NotificationComposer.Compose("INC-9", Step, Members,
            [NotificationChannel.Email, NotificationChannel.Slack, NotificationChannel.DingTalk, NotificationChannel.InApp],
            "subject", "text", id => new Uri($"https://ew.example.com/ack?m={id}"));

        notifications.Select(n => n.DedupKey).Should().Equal(
            "INC-9/2/3/a/Email",
            "INC-9/2/3/a/Slack",
            "INC-9/2/3/a/InApp",
            "INC-9/2/3/b/DingTalk",
            "INC-9/2/3/b/InApp");
        notifications.Where(n => n.RecipientId == "b").Should().OnlyContain(n => n.AckUrl.Query == "?m=b");
    }

    [Fact]
    public void Compose_RecipientNotOnRoster_Skipped()
    {
        var notifications = NotificationComposer.Compose("INC-9", Step, Members, [NotificationChannel.InApp], "s", "t", _ => new Uri("https://x.example/"));

        notifications.Select(n => n.RecipientId).Should().Equal("a", "b");
    }
}
