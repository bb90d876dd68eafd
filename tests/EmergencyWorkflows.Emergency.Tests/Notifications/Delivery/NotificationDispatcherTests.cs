using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Emergency.Team;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Emergency.Tests.Notifications.Delivery;

public class NotificationDispatcherTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly RetryPolicy Retry = new(3, TimeSpan.FromSeconds(30), 2, TimeSpan.FromMinutes(5));
    private static readonly TeamMember Member = new("r1", "Zhao", "IT", [TeamRoles.Responder], new ContactChannels("13800001111", "zhao@example.com"));
    private static readonly Notification Email = new("INC-1", 1, 1, "r1", NotificationChannel.Email, "s", "t", new Uri("https://ew.example.com/ack?token=x"));

    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryDeliveryLedger _ledger = new();

    private NotificationDispatcher Dispatcher(params INotificationTransport[] transports) =>
        new(_ledger, transports, Retry, _time, NullLogger<NotificationDispatcher>.Instance);

    [Fact]
    public async Task DispatchAsync_JobRunsTwice_DeliversOnce()
    {
        var transport = new ScriptedTransport(NotificationChannel.Email, DeliveryResult.Delivered(250));
        var dispatcher = Dispatcher(transport);

        var first = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);
        var second = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);

        first!.Status.Should().Be(DeliveryStatus.Delivered);
        second.Should().BeNull();
        transport.Calls.Should().Be(1);
    }

    [Fact]
    public async Task DispatchAsync_TwoRunsOverlap_OnlyOneReachesTheTransport()
    {
        var transport = new ScriptedTransport(NotificationChannel.Email, DeliveryResult.Delivered(250)) { Hold = true };
        var dispatcher = Dispatcher(transport);

        var first = dispatcher.DispatchAsync(Email, Member, CancellationToken.None);
        await transport.Entered;
        var second = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);
        transport.Release();

        second.Should().BeNull();
        (await first)!.Status.Should().Be(DeliveryStatus.Delivered);
        transport.Calls.Should().Be(1);
    }

    [Fact]
    public async Task DispatchAsync_TransientFailure_RetriesOnlyOnceTheBackoffHasPassed()
    {
        var transport = new ScriptedTransport(NotificationChannel.Email,
            DeliveryResult.Failed(451, "busy", transient: true), DeliveryResult.Delivered(250));
        var dispatcher = Dispatcher(transport);

        var failed = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(29));
        var tooEarly = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var retried = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);

        failed.Should().BeEquivalentTo(new { Status = DeliveryStatus.RetryScheduled, Attempts = 1, NextAttemptAt = Start.AddSeconds(30), LastStatusCode = 451 });
        tooEarly.Should().BeNull();
        retried.Should().BeEquivalentTo(new { Status = DeliveryStatus.Delivered, Attempts = 2, LastError = (string?)null });
        transport.Calls.Should().Be(2);
    }

    [Fact]
    public async Task DispatchAsync_TransientFailuresExhaustTheBudget_FailedForGood()
    {
        var transport = new ScriptedTransport(NotificationChannel.Email, DeliveryResult.Failed(null, "down", transient: true));
        var dispatcher = Dispatcher(transport);

        DeliveryRecord? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None) ?? last;
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        last!.Status.Should().Be(DeliveryStatus.Failed);
        last.Attempts.Should().Be(3);
        transport.Calls.Should().Be(3);
    }

    [Fact]
    public async Task DispatchAsync_PermanentFailure_NeverRetried()
    {
        var transport = new ScriptedTransport(NotificationChannel.Email, DeliveryResult.Failed(550, "no such mailbox", transient: false));
        var dispatcher = Dispatcher(transport);

        var first = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var again = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);

        first.Should().BeEquivalentTo(new { Status = DeliveryStatus.Failed, LastStatusCode = 550, LastError = "no such mailbox" });
        again.Should().BeNull();
    }

    [Fact]
    public async Task DispatchAsync_PreviousAttemptCrashedInFlight_TakenOverAfterTheLease()
    {
        await _ledger.TryBeginAsync(Email.DedupKey, Start, NotificationDispatcher.AttemptLease, CancellationToken.None);
        var transport = new ScriptedTransport(NotificationChannel.Email, DeliveryResult.Delivered(250));
        var dispatcher = Dispatcher(transport);

        var whileLeased = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);
        _time.Advance(NotificationDispatcher.AttemptLease);
        var afterLease = await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);

        whileLeased.Should().BeNull();
        afterLease.Should().BeEquivalentTo(new { Status = DeliveryStatus.Delivered, Attempts = 2 });
    }

    [Fact]
    public async Task DispatchAsync_NoTransportForTheChannel_FailedWithAClearError()
    {
        var dispatcher = Dispatcher(new ScriptedTransport(NotificationChannel.Email, DeliveryResult.Delivered(250)));
        var slack = new Notification("INC-1", 1, 1, "r1", NotificationChannel.Slack, "s", "t", new Uri("https://ew.example.com/ack"));

        var record = await dispatcher.DispatchAsync(slack, Member, CancellationToken.None);

        record.Should().BeEquivalentTo(new { Status = DeliveryStatus.Failed, LastError = "No transport is configured for channel Slack." });
    }

    [Fact]
    public async Task DispatchAsync_DifferentRepetitions_EachDeliveredOnce()
    {
        var transport = new ScriptedTransport(NotificationChannel.Email, DeliveryResult.Delivered(250));
        var dispatcher = Dispatcher(transport);
        var repeat = new Notification("INC-1", 1, 2, "r1", NotificationChannel.Email, "s", "t", Email.AckUrl);

        await dispatcher.DispatchAsync(Email, Member, CancellationToken.None);
        await dispatcher.DispatchAsync(repeat, Member, CancellationToken.None);
        await dispatcher.DispatchAsync(repeat, Member, CancellationToken.None);

        transport.Calls.Should().Be(2);
    }

    [Fact]
    public async Task CompleteAsync_StaleAttemptAfterTakeover_Refused()
    {
        var stale = await _ledger.TryBeginAsync("k", Start, TimeSpan.FromMinutes(1), CancellationToken.None);
        var takeover = await _ledger.TryBeginAsync("k", Start.AddMinutes(1), TimeSpan.FromMinutes(1), CancellationToken.None);

        var storedStale = await _ledger.CompleteAsync(stale!.Complete(DeliveryResult.Delivered(200), Start.AddMinutes(2), Retry), CancellationToken.None);

        storedStale.Should().BeFalse();
        (await _ledger.FindAsync("k", CancellationToken.None)).Should().Be(takeover);
    }
}
