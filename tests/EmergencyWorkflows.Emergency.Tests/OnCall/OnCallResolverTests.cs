using EmergencyWorkflows.Emergency.OnCall;

namespace EmergencyWorkflows.Emergency.Tests.OnCall;

public class OnCallResolverTests
{
    // Monday 2026-01-05 09:00 UTC; weekly hand-offs a → b → c.
    private static readonly DateTimeOffset Anchor = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Rotation Weekly = new("ops", "Ops weekly", ["a", "b", "c"], Anchor, TimeSpan.FromDays(7));

    private static DateTimeOffset At(double days) => Anchor.AddDays(days);

    public static TheoryData<double, string> ScheduleCases => new()
    {
        { 0, "a" },                     // exactly at the anchor
        { 6.999, "a" },                 // just before the first hand-off
        { 7, "b" },                     // the hand-off instant belongs to the next member
        { 13.5, "b" },
        { 14, "c" },
        { 21, "a" },                    // wraps around
        { 7 * 30 + 1, "a" },            // thirty turns later, 30 % 3 == 0
        { -0.001, "c" },                // just before the anchor: the previous turn
        { -7, "c" },
        { -7.001, "b" },
        { -21, "a" },
    };

    [Theory]
    [MemberData(nameof(ScheduleCases))]
    public void WhoIsOnCall_NoOverridesOrLeave_FollowsTheWeeklySchedule(double days, string expected)
    {
        OnCallResolver.WhoIsOnCall(Weekly, At(days)).Should().Be(expected);
    }

    [Fact]
    public void WhoIsOnCall_OverrideCovers_OverrideMemberIsOnCall()
    {
        var rotation = Weekly.WithOverride(new OnCallOverride("x", At(1), At(2), At(-10)));

        OnCallResolver.WhoIsOnCall(rotation, At(0.5)).Should().Be("a");
        OnCallResolver.WhoIsOnCall(rotation, At(1)).Should().Be("x");
        OnCallResolver.WhoIsOnCall(rotation, At(1.99)).Should().Be("x");
        OnCallResolver.WhoIsOnCall(rotation, At(2)).Should().Be("a");
    }

    public static TheoryData<double, string> OverlapCases => new()
    {
        { 1.5, "early" },   // only the first override covers
        { 2.5, "late" },    // both cover: the later-created wins although it was listed first
        { 3.5, "late" },
        { 4.5, "a" },       // neither covers
    };

    [Theory]
    [MemberData(nameof(OverlapCases))]
    public void WhoIsOnCall_OverlappingOverrides_LatestCreatedWins(double days, string expected)
    {
        var rotation = new Rotation("ops", "Ops", ["a", "b", "c"], Anchor, TimeSpan.FromDays(7),
            overrides:
            [
                new OnCallOverride("late", At(2), At(4), CreatedAt: At(-1)),
                new OnCallOverride("early", At(1), At(3), CreatedAt: At(-5)),
            ]);

        OnCallResolver.WhoIsOnCall(rotation, At(days)).Should().Be(expected);
    }

    [Fact]
    public void WhoIsOnCall_OverridesCreatedAtTheSameInstant_LaterListedWins()
    {
        var rotation = Weekly
            .WithOverride(new OnCallOverride("first", At(0), At(1), At(-1)))
            .WithOverride(new OnCallOverride("second", At(0), At(1), At(-1)));

        OnCallResolver.WhoIsOnCall(rotation, At(0.5)).Should().Be("second");
    }

    public static TheoryData<double, string?> LeaveCases => new()
    {
        { 0.5, "b" },       // a on leave → next in order (b) covers
        { 7.5, "c" },       // b's week, b also on leave → c
        { 14.5, "c" },      // c's own week, c available
        { 20.5, "c" },      // leave of a ended at day 20; it is still c's week
    };

    [Theory]
    [MemberData(nameof(LeaveCases))]
    public void WhoIsOnCall_ScheduledMemberOnLeave_NextAvailableCovers(double days, string? expected)
    {
        var rotation = new Rotation("ops", "Ops", ["a", "b", "c"], Anchor, TimeSpan.FromDays(7),
            leaves:
            [
                new OnCallLeave("a", At(0), At(20)),
                new OnCallLeave("b", At(7), At(8)),
            ]);

        OnCallResolver.WhoIsOnCall(rotation, At(days)).Should().Be(expected);
    }

    [Fact]
    public void WhoIsOnCall_LastMemberOnLeave_WrapsToTheFirst()
    {
        var rotation = Weekly.WithLeave(new OnCallLeave("c", At(14), At(21)));

        OnCallResolver.WhoIsOnCall(rotation, At(15)).Should().Be("a");
    }

    [Fact]
    public void WhoIsOnCall_EveryoneOnLeave_ReturnsNull()
    {
        var rotation = Weekly
            .WithLeave(new OnCallLeave("a", At(0), At(7)))
            .WithLeave(new OnCallLeave("b", At(0), At(7)))
            .WithLeave(new OnCallLeave("c", At(0), At(7)));

        OnCallResolver.WhoIsOnCall(rotation, At(3)).Should().BeNull();
        OnCallResolver.WhoIsOnCall(rotation, At(7)).Should().Be("b");
    }

    [Fact]
    public void WhoIsOnCall_OverrideMemberOnLeave_FallsBackToTheSchedule()
    {
        var rotation = Weekly
            .WithOverride(new OnCallOverride("x", At(0), At(7), At(-1)))
            .WithLeave(new OnCallLeave("x", At(2), At(3)));

        OnCallResolver.WhoIsOnCall(rotation, At(1)).Should().Be("x");
        OnCallResolver.WhoIsOnCall(rotation, At(2.5)).Should().Be("a");
    }

    [Fact]
    public void WhoIsOnCall_EveryoneOnLeaveButAnOverrideCovers_ReturnsTheOverrideMember()
    {
        var rotation = Weekly
            .WithLeave(new OnCallLeave("a", At(0), At(7)))
            .WithLeave(new OnCallLeave("b", At(0), At(7)))
            .WithLeave(new OnCallLeave("c", At(0), At(7)))
            .WithOverride(new OnCallOverride("x", At(0), At(7), At(-1)));

        OnCallResolver.WhoIsOnCall(rotation, At(3)).Should().Be("x");
    }

    [Fact]
    public void WhoIsOnCall_NoMembers_ReturnsNull()
    {
        var rotation = new Rotation("empty", "Empty", [], Anchor, TimeSpan.FromDays(7));

        OnCallResolver.WhoIsOnCall(rotation, Anchor).Should().BeNull();
    }

    [Fact]
    public void Rotation_NonPositivePeriod_Throws()
    {
        var act = () => new Rotation("r", "R", ["a"], Anchor, TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void WhoIsOnCall_DailyRotationWithOffsetAnchor_HandsOffAtTheAnchorTimeOfDay()
    {
        var daily = new Rotation("d", "Daily", ["a", "b"], Anchor, TimeSpan.FromDays(1));

        OnCallResolver.WhoIsOnCall(daily, Anchor.AddDays(1).AddMinutes(-1)).Should().Be("a");
        OnCallResolver.WhoIsOnCall(daily, Anchor.AddDays(1)).Should().Be("b");
    }
}
