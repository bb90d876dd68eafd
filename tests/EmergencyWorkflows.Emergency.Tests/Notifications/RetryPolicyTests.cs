using EmergencyWorkflows.Emergency.Notifications;

namespace EmergencyWorkflows.Emergency.Tests.Notifications;

public class RetryPolicyTests
{
    private static readonly DateTimeOffset Last = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetryPolicy Policy = new(6, TimeSpan.FromSeconds(10), 3.0, TimeSpan.FromMinutes(2));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 30)]
    [InlineData(3, 90)]
    [InlineData(4, 120)]    // 270 s capped at 2 min
    [InlineData(5, 120)]
    public void NextAttemptAt_BeforeTheLimit_ExponentialWithCap(int attemptsMade, int expectedSeconds)
    {
        Policy.NextAttemptAt(attemptsMade, Last).Should().Be(Last.AddSeconds(expectedSeconds));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void NextAttemptAt_AttemptsUsedUp_Null(int attemptsMade)
    {
        Policy.NextAttemptAt(attemptsMade, Last).Should().BeNull();
    }

    [Fact]
    public void DelayAfter_HugeAttemptNumber_CappedWithoutOverflow()
    {
        var policy = new RetryPolicy(int.MaxValue, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromHours(1));

        policy.DelayAfter(10_000).Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Default_FiveAttempts_DoublingFromThirtySeconds()
    {
        Enumerable.Range(1, 4).Select(RetryPolicy.Default.DelayAfter).Should().Equal(
            TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4));
        RetryPolicy.Default.NextAttemptAt(5, Last).Should().BeNull();
    }

    [Fact]
    public void Constructor_CapBelowFirstDelay_Throws()
    {
        var act = () => new RetryPolicy(3, TimeSpan.FromMinutes(2), 2, TimeSpan.FromMinutes(1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
