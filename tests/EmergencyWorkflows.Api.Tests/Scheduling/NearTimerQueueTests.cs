using EmergencyWorkflows.Api.Scheduling;
using EmergencyWorkflows.Runtime.Timers;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Api.Tests.Scheduling;

public class NearTimerQueueTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);

    [Fact]
    public async Task TakeDue_TimerNotYetDue_HandsItOutExactlyAtItsDueTime()
    {
        var queue = new NearTimerQueue(clock);
        queue.Arm(new TimerWakeUp("i1", "b1", Start.AddSeconds(5)));

        var take = queue.TakeDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(4999));
        await Task.Yield();
        take.IsCompleted.Should().BeFalse("the timer is due one millisecond later");

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var due = await take.WaitAsync(TimeSpan.FromSeconds(5));
        due.Should().ContainSingle().Which.BookmarkId.Should().Be("b1");
        queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task TakeDue_EarlierTimerArmedWhileWaiting_HandsOutTheEarlierOneFirst()
    {
        var queue = new NearTimerQueue(clock);
        queue.Arm(new TimerWakeUp("i1", "late", Start.AddSeconds(20)));
        var take = queue.TakeDueAsync(CancellationToken.None);

        queue.Arm(new TimerWakeUp("i2", "early", Start.AddSeconds(1)));
        clock.Advance(TimeSpan.FromSeconds(1));

        var due = await take.WaitAsync(TimeSpan.FromSeconds(5));
        due.Select(w => w.BookmarkId).Should().Equal("early");
        queue.Count.Should().Be(1);
    }

    [Fact]
    public async Task TakeDue_OverdueBacklog_HandsOutAllAtOnceEarliestFirst()
    {
        var queue = new NearTimerQueue(clock);
        for (var i = 0; i < 100; i++)
        {
            queue.Arm(new TimerWakeUp($"i{i}", $"b{i:D3}", Start.AddMinutes(-1).AddMilliseconds(100 - i)));
        }

        var due = await queue.TakeDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        due.Should().HaveCount(100);
        due.Select(w => w.DueAt).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task Arm_SameTimerTwice_HandsItOutOnce()
    {
        var queue = new NearTimerQueue(clock);
        var wakeUp = new TimerWakeUp("i1", "b1", Start.AddSeconds(1));
        queue.Arm(wakeUp);
        queue.Arm(wakeUp);
        queue.Arm(new TimerWakeUp("i2", "b2", Start.AddSeconds(2)));

        clock.Advance(TimeSpan.FromSeconds(3));
        var due = await queue.TakeDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        due.Select(w => w.BookmarkId).Should().Equal("b1", "b2");
    }

    [Fact]
    public async Task Arm_TimerMovedLater_OnlyTheLaterDueTimeCounts()
    {
        var queue = new NearTimerQueue(clock);
        queue.Arm(new TimerWakeUp("i1", "b1", Start.AddSeconds(1)));
        queue.Arm(new TimerWakeUp("i1", "b1", Start.AddSeconds(10)));
        var take = queue.TakeDueAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Yield();
        take.IsCompleted.Should().BeFalse("the superseded 1 s entry must not fire");

        clock.Advance(TimeSpan.FromSeconds(5));
        var due = await take.WaitAsync(TimeSpan.FromSeconds(5));
        due.Should().ContainSingle().Which.DueAt.Should().Be(Start.AddSeconds(10));
    }

    [Fact]
    public async Task TakeDue_Cancelled_Throws()
    {
        var queue = new NearTimerQueue(clock);
        using var stop = new CancellationTokenSource();
        var take = queue.TakeDueAsync(stop.Token);

        await stop.CancelAsync();

        await take.Invoking(t => t.WaitAsync(TimeSpan.FromSeconds(5))).Should().ThrowAsync<OperationCanceledException>();
    }
}
