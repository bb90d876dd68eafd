using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Emergency.Notifications.Inbox;
using EmergencyWorkflows.Emergency.Team;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Emergency.Tests.Notifications.Inbox;

public class InMemoryInboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TeamMember Member = new("r1", "Zhao", "IT", [TeamRoles.Responder]);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryInbox _inbox = new();

    private static Notification Note(int tier, string recipient = "r1") =>
        new("INC-1", tier, 1, recipient, NotificationChannel.InApp, $"tier {tier}", "t", new Uri("https://ew.example.com/ack"));

    [Fact]
    public async Task InAppTransport_DispatchedTwice_OneInboxItem()
    {
        var dispatcher = new NotificationDispatcher(new InMemoryDeliveryLedger(), [new InAppTransport(_inbox, _time)],
            RetryPolicy.Default, _time, NullLogger<NotificationDispatcher>.Instance);

        await dispatcher.DispatchAsync(Note(1), Member, CancellationToken.None);
        await dispatcher.DispatchAsync(Note(1), Member, CancellationToken.None);

        var items = await _inbox.ForRecipientAsync("r1", unreadOnly: false, CancellationToken.None);
        items.Should().ContainSingle().Which.Should().Be(new InboxItem("INC-1/1/1/r1/InApp", "r1", "INC-1", "tier 1", "t", new Uri("https://ew.example.com/ack"), Start));
    }

    [Fact]
    public async Task ForRecipientAsync_SeveralItems_NewestFirstAndOnlyTheirs()
    {
        await _inbox.AddAsync(InboxItem.From(Note(1), Start), CancellationToken.None);
        await _inbox.AddAsync(InboxItem.From(Note(2), Start.AddMinutes(5)), CancellationToken.None);
        await _inbox.AddAsync(InboxItem.From(Note(1, "r2"), Start.AddMinutes(9)), CancellationToken.None);

        var items = await _inbox.ForRecipientAsync("r1", unreadOnly: false, CancellationToken.None);

        items.Select(i => i.Subject).Should().Equal("tier 2", "tier 1");
    }

    [Fact]
    public async Task MarkReadAsync_OwnItem_ReadOnceAndHiddenFromUnread()
    {
        var item = InboxItem.From(Note(1), Start);
        await _inbox.AddAsync(item, CancellationToken.None);

        (await _inbox.MarkReadAsync(item.Id, "r1", Start.AddMinutes(1), CancellationToken.None)).Should().BeTrue();
        (await _inbox.MarkReadAsync(item.Id, "r1", Start.AddMinutes(2), CancellationToken.None)).Should().BeTrue();

        (await _inbox.ForRecipientAsync("r1", unreadOnly: true, CancellationToken.None)).Should().BeEmpty();
        (await _inbox.ForRecipientAsync("r1", unreadOnly: false, CancellationToken.None)).Single().ReadAt.Should().Be(Start.AddMinutes(1));
    }

    [Fact]
    public async Task MarkReadAsync_SomeoneElsesItem_NotFoundAndUnchanged()
    {
        var item = InboxItem.From(Note(1), Start);
        await _inbox.AddAsync(item, CancellationToken.None);

        (await _inbox.MarkReadAsync(item.Id, "r2", Start, CancellationToken.None)).Should().BeFalse();
        (await _inbox.ForRecipientAsync("r1", unreadOnly: true, CancellationToken.None)).Should().ContainSingle();
    }
}
