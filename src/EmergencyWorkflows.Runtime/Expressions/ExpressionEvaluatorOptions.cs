namespace EmergencyWorkflows.Runtime.Expressions;

/// <summary>
/// Limits for script expressions. A hostile or buggy script (<c>while(true){}</c>) must fault quickly instead of
/// holding a worker: whichever limit is hit first ends the script with an <see cref="ExpressionException"/>.
/// </summary>
public sealed record ExpressionEvaluatorOptions
{
    /// <summary>Wall-clock budget of one JavaScript evaluation (a safety limit, not workflow time).</summary>
    public TimeSpan ScriptTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Maximum statements one JavaScript evaluation may execute; 0 = unlimited.</summary>
    public int MaxStatements { get; init; } = 5_000_000;

    /// <summary>Maximum JavaScript call depth.</summary>
    public int MaxRecursion { get; init; } = 256;

    /// <summary>Maximum bytes one JavaScript evaluation may allocate; 0 = unlimited.</summary>
    public long MaxMemoryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Maximum steps one Liquid template may run (loops included).</summary>
    public int MaxLiquidSteps { get; init; } = 100_000;

    /// <summary>Time zone of script dates (<c>new Date().getHours()</c>) and of Liquid's <c>date</c> filter.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Prepared scripts and parsed templates kept in memory; the cache is emptied when it grows past this.</summary>
    public int MaxCachedScripts { get; init; } = 2048;
}
