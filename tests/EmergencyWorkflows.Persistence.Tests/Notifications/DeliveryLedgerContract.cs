using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Emergency.Notifications.Inbox;
using EmergencyWorkflows.Persistence.Notifications;
using EmergencyWorkflows.Persistence.Tests.Support;

namespace EmergencyWorkflows.Persistence.Tests.Notifications;

public abstract class DeliveryLedgerContract : StoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly RetryPolicy Retry = new(3, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(5));

    private EfDeliveryLedger Ledger => Get<EfDeliveryLedger>();

    private static Notification Email(string incident = "INC-1", string recipient = "r-zhang", int tier = 1, int repetition = 1) =>
        new(incident, tier, repetition, recipient, NotificationChannel.Email, "Fire, building B", "Go to building B", new Uri("https://ew.example/ack?token=t"));

    [Fact]
    public async Task TryBeginAsync_TwoConcurrentClaims_ExactlyOneWins()
    {
        var n = Email();
        await Ledger.RegisterAsync(n, "wi-1", CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Ledger.TryBeginAsync(n.DedupKey, Time.GetUtcNow(), Lease, CancellationToken.None))));

        claims.Where(c => c is not null).Should().ContainSingle().Which!.Attempts.Should().Be(1);
        var rows = await Ledger.ForIncidentAsync("INC-1", CancellationToken.None);
        rows.Should().ContainSingle().Which.AttemptLog.Should().ContainSingle();
    }

    [Fact]
    public async Task RegisterAsync_SameNotificationTwice_OneRowKeepingTheContent()
    {
        var first = await Ledger.RegisterAsync(Email(), "wi-1", CancellationToken.None);
        var second = await Ledger.RegisterAsync(Email(), "wi-1", CancellationToken.None);

        first.Should().BeTrue();
        second.Should().BeFalse();
        var row = (await Ledger.ForIncidentAsync("wi-1", CancellationToken.None)).Should().ContainSingle().Subject;
        row.Status.Should().Be(NotificationDeliveryRecord.Queued);
        row.Subject.Should().Be("Fire, building B");
        row.Tier.Should().Be(1);
        row.RecipientId.Should().Be("r-zhang");
        row.Channel.Should().Be("Email");
    }

    [Fact]
    public async Task Attempts_TransientFailureThenSuccess_RetryWaitsForItsTimeAndEveryAttemptIsLogged()
    {
        var n = Email();
        await Ledger.RegisterAsync(n, "wi-1", CancellationToken.None);
        var first = await Ledger.TryBeginAsync(n.DedupKey, Time.GetUtcNow(), Lease, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));
        var failed = first!.Complete(DeliveryResult.Failed(451, "451 mailbox zhang.wei@example.com busy, call 13900000011", transient: true), Time.GetUtcNow(), Retry);
        (await Ledger.CompleteAsync(failed, CancellationToken.None)).Should().BeTrue();

        var tooEarly = await Ledger.TryBeginAsync(n.DedupKey, Time.GetUtcNow(), Lease, CancellationToken.None);
        var dueBefore = await Ledger.ListDueAsync(Time.GetUtcNow(), 10, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(30));
        var dueAfter = await Ledger.ListDueAsync(Time.GetUtcNow(), 10, CancellationToken.None);
        var second = await Ledger.TryBeginAsync(n.DedupKey, Time.GetUtcNow(), Lease, CancellationToken.None);
        (await Ledger.CompleteAsync(second!.Complete(DeliveryResult.Delivered(250), Time.GetUtcNow(), Retry), CancellationToken.None)).Should().BeTrue();

        tooEarly.Should().BeNull();
        dueBefore.Should().BeEmpty();
        dueAfter.Should().ContainSingle().Which.Notification.Should().BeEquivalentTo(n);
        second.Attempts.Should().Be(2);
        var row = (await Ledger.ForIncidentAsync("INC-1", CancellationToken.None)).Should().ContainSingle().Subject;
        row.Status.Should().Be(nameof(DeliveryStatus.Delivered));
        row.Attempts.Should().Be(2);
        row.AttemptLog.Select(a => a.Outcome).Should().Equal(nameof(DeliveryStatus.RetryScheduled), nameof(DeliveryStatus.Delivered));
        row.AttemptLog[0].StatusCode.Should().Be(451);
        row.AttemptLog[0].Error.Should().Contain("z***@example.com").And.Contain("139****0011")
            .And.NotContain("zhang.wei@").And.NotContain("13900000011");
        row.AttemptLog[1].StartedAt.Should().Be(Time.GetUtcNow());
    }

    [Fact]
    public async Task CompleteAsync_AfterTheLeaseWasTakenOver_FalseAndTheNewAttemptStands()
    {
        var n = Email();
        var stale = await Ledger.TryBeginAsync(n.DedupKey, Time.GetUtcNow(), Lease, CancellationToken.None);
        Time.Advance(Lease);
        var takeover = await Ledger.TryBeginAsync(n.DedupKey, Time.GetUtcNow(), Lease, CancellationToken.None);

        var landed = await Ledger.CompleteAsync(stale!.Complete(DeliveryResult.Delivered(250), Time.GetUtcNow(), Retry), CancellationToken.None);

        landed.Should().BeFalse();
        takeover!.Attempts.Should().Be(2);
        (await Ledger.FindAsync(n.DedupKey, CancellationToken.None))!.Status.Should().Be(DeliveryStatus.InFlight);
    }

    [Fact]
    public async Task ForIncidentAsync_OtherIncidents_NotListed()
    {
        await Ledger.RegisterAsync(Email("INC-1"), "wi-1", CancellationToken.None);
        await Ledger.RegisterAsync(Email("INC-2"), "wi-2", CancellationToken.None);

        var rows = await Ledger.ForIncidentAsync("INC-2", CancellationToken.None);

        rows.Should().ContainSingle().Which.InstanceId.Should().Be("wi-2");
    }

    [Fact]
    public async Task Inbox_AddTwiceReadAndFilter_OneItemReadOnceOwnerOnly()
    {
        var inbox = Get<IInbox>();
        var item = InboxItem.From(Email() with { }, Time.GetUtcNow());
        var older = InboxItem.From(Email(tier: 2), Time.GetUtcNow().AddMinutes(-1));

        (await inbox.AddAsync(item, CancellationToken.None)).Should().BeTrue();
        (await inbox.AddAsync(item, CancellationToken.None)).Should().BeFalse();
        await inbox.AddAsync(older, CancellationToken.None);
        (await inbox.MarkReadAsync(item.Id, "someone-else", Time.GetUtcNow(), CancellationToken.None)).Should().BeFalse();
        (await inbox.MarkReadAsync(item.Id, "r-zhang", Time.GetUtcNow(), CancellationToken.None)).Should().BeTrue();
        Time.Advance(TimeSpan.FromMinutes(1));
        await inbox.MarkReadAsync(item.Id, "r-zhang", Time.GetUtcNow(), CancellationToken.None);

        var all = await inbox.ForRecipientAsync("r-zhang", unreadOnly: false, CancellationToken.None);
        var unread = await inbox.ForRecipientAsync("r-zhang", unreadOnly: true, CancellationToken.None);

        all.Select(i => i.Id).Should().Equal(item.Id, older.Id);
        all[0].ReadAt.Should().Be(Time.GetUtcNow().AddMinutes(-1), "the first read time is kept");
        all[0].AckUrl.Should().Be(item.AckUrl);
        unread.Select(i => i.Id).Should().Equal(older.Id);
    }
}
