namespace EmergencyWorkflows.Persistence;

/// <summary>
/// An in-process queue for write transactions. SQLite has one writer: letting concurrent commits queue here
/// rather than in the database avoids lock waits and "database is locked" errors. A provider with row locks
/// (PostgreSQL) can register a wide gate.
/// </summary>
internal sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim semaphore;

    public WriteGate(int maxConcurrentWriters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentWriters, 1);
        semaphore = new SemaphoreSlim(maxConcurrentWriters, maxConcurrentWriters);
    }

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await semaphore.WaitAsync(cancellationToken);
        return new Release(semaphore);
    }

    public void Dispose() => semaphore.Dispose();

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
