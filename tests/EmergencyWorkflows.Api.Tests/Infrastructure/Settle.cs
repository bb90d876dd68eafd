namespace EmergencyWorkflows.Api.Tests.Infrastructure;

/// <summary>
/// Waits until background work (Hangfire jobs, the outbox loop) has produced a condition, polling it until a
/// deadline. Tests never sleep a fixed time: they wait for what they need, and fail with a message at the deadline.
/// </summary>
public static class Settle
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> settled, TimeSpan deadline, string what)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(settled);
        using var timeout = new CancellationTokenSource(deadline);
        var last = await probe();
        while (!settled(last))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Background work did not settle within {deadline}: {what}. Last observed: {last}");
            }

            last = await probe();
        }

        return last;
    }
}
