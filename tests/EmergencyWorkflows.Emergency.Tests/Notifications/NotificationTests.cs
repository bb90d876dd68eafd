using EmergencyWorkflows.Emergency.Notifications;

namespace EmergencyWorkflows.Emergency.Tests.Notifications;

public class NotificationTests
{
    private static readonly Uri Ack = new("https://ew.example.com/ack");

    [Fact]
    public void DedupKey_FiveTuple_StableText()
    {
        var n = new Notification("INC-7", 2, 3, "r1", NotificationChannel.DingTalk, "s", "t", Ack);

        n.DedupKey.Should().Be("INC-7/2/3/r1/DingTalk");
    }

    [Fact]
    public void DedupKey_SameTupleDifferentText_SameKey()
    {
        var a = new Notification("INC-7", 1, 1, "r1", NotificationChannel.Email, "first", "text", Ack);
        var b = new Notification("INC-7", 1, 1, "r1", NotificationChannel.Email, "re-rendered", "other text", Ack);

        a.DedupKey.Should().Be(b.DedupKey);
    }

    [Theory]
    [InlineData("INC-7", 1, 1, "r2", NotificationChannel.Email)]
    [InlineData("INC-7", 1, 2, "r1", NotificationChannel.Email)]
    [InlineData("INC-7", 2, 1, "r1", NotificationChannel.Email)]
    [InlineData("INC-8", 1, 1, "r1", NotificationChannel.Email)]
    [InlineData("INC-7", 1, 1, "r1", NotificationChannel.Slack)]
    public void DedupKey_AnyPartDiffers_DifferentKey(string incident, int tier, int repetition, string recipient, NotificationChannel channel)
    {
        var baseline = new Notification("INC-7", 1, 1, "r1", NotificationChannel.Email, "s", "t", Ack);
        var other = new Notification(incident, tier, repetition, recipient, channel, "s", "t", Ack);

        other.DedupKey.Should().NotBe(baseline.DedupKey);
    }

    [Fact]
    public void DedupKey_IdsContainingTheSeparator_DoNotCollide()
    {
        var a = new Notification("a/1", 1, 1, "b", NotificationChannel.Email, "s", "t", Ack);
        var b = new Notification("a", 1, 1, "1/b", NotificationChannel.Email, "s", "t", Ack);

        a.DedupKey.Should().NotBe(b.DedupKey);
    }

    [Fact]
    public void DedupKey_EscalationTopic_KeepsTheFivePartKeyOfRowsWrittenBeforeTopics()
    {
        var n = new Notification("INC-7", 2, 3, "r1", NotificationChannel.DingTalk, "s", "t", Ack, NotificationTopics.Escalation);

        n.Topic.Should().Be("escalation");
        n.DedupKey.Should().Be("INC-7/2/3/r1/DingTalk");
    }

    [Fact]
    public void DedupKey_OtherTopic_IsTheSecondPartEncoded()
    {
        var n = new Notification("INC-7", 0, 0, "r1", NotificationChannel.InApp, "s", "t", Ack, NotificationTopics.TaskOverdue("INC-7:t/1"));

        n.DedupKey.Should().Be("INC-7/task-overdue%3AINC-7%3At%2F1/0/0/r1/InApp");
    }

    [Fact]
    public void DedupKey_SameTupleDifferentTopic_DifferentKey()
    {
        var first = new Notification("INC-7", 0, 0, "r1", NotificationChannel.InApp, "s", "t", Ack, NotificationTopics.TaskOverdue("t1"));
        var second = new Notification("INC-7", 0, 0, "r1", NotificationChannel.InApp, "s", "t", Ack, NotificationTopics.TaskOverdue("t2"));
        var escalation = new Notification("INC-7", 0, 0, "r1", NotificationChannel.InApp, "s", "t", Ack);

        new[] { first.DedupKey, second.DedupKey, escalation.DedupKey }.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Payload_RoundTrip_KeepsTheTopic_AndAPayloadWithoutOneIsAnEscalation()
    {
        var n = new Notification("INC-7", 0, 0, "r1", NotificationChannel.Email, "s", "t", Ack,
            NotificationTopics.ActionReminder("a1", new DateOnly(2026, 12, 2)));
        var payload = NotificationOutbox.ToPayload(n, "wi-1");

        var (back, instanceId) = NotificationOutbox.FromPayload(payload);
        payload.Remove("topic");
        var (legacy, _) = NotificationOutbox.FromPayload(payload);

        instanceId.Should().Be("wi-1");
        back.Topic.Should().Be("action-reminder:a1:2026-12-02");
        back.DedupKey.Should().Be(n.DedupKey);
        legacy.Topic.Should().Be(NotificationTopics.Escalation, "messages queued before topics existed were escalation rounds");
    }
}
