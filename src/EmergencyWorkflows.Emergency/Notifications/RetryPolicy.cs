namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// Exponential backoff for delivery attempts: after attempt n (1-based) the next waits
/// min(<see cref="InitialDelay"/> × <see cref="Multiplier"/>^(n−1), <see cref="MaxDelay"/>); no attempt after
/// <see cref="MaxAttempts"/>. Deterministic (no jitter) so the schedule can be stored and tested.
/// </summary>
public sealed record RetryPolicy
{
    public RetryPolicy(int maxAttempts, TimeSpan initialDelay, double multiplier, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(multiplier, 1.0);
        if (initialDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initialDelay), initialDelay, "The first retry delay must be positive.");
        }

        if (maxDelay < initialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDelay), maxDelay, "The delay cap cannot be below the first delay.");
        }

        MaxAttempts = maxAttempts;
        InitialDelay = initialDelay;
        Multiplier = multiplier;
        MaxDelay = maxDelay;
    }

    /// <summary>5 attempts: 30 s, 1 min, 2 min, 4 min apart (escalation tiers are minutes apart; retrying longer is pointless).</summary>
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromSeconds(30), 2.0, TimeSpan.FromMinutes(10));

    public int MaxAttempts { get; }

    public TimeSpan InitialDelay { get; }

    public double Multiplier { get; }

    public TimeSpan MaxDelay { get; }

    /// <summary>The wait after attempt number <paramref name="attemptsMade"/> (≥ 1).</summary>
    public TimeSpan DelayAfter(int attemptsMade)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        // Computed in double and capped before converting, so a large attempt number cannot overflow TimeSpan.
        var ticks = InitialDelay.Ticks * Math.Pow(Multiplier, attemptsMade - 1);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>When to try again after <paramref name="attemptsMade"/> attempts, the last at
    /// <paramref name="lastAttemptAt"/>; null when the attempts are used up.</summary>
    public DateTimeOffset? NextAttemptAt(int attemptsMade, DateTimeOffset lastAttemptAt) =>
        attemptsMade >= MaxAttempts ? null : lastAttemptAt + DelayAfter(attemptsMade);
}
