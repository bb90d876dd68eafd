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
}
