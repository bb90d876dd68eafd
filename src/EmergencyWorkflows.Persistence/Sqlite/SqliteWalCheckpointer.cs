using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Persistence.Sqlite;

/// <summary>
/// Copies the WAL back into the database file on its own connection and thread, so the commit writer (which runs
/// with <c>wal_autocheckpoint = 0</c>) never pays a checkpoint inside a caller's commit. PASSIVE checkpoints do not
/// block writers or readers; <see cref="Request"/> only wakes the loop, repeated requests coalesce.
/// </summary>
internal sealed class SqliteWalCheckpointer : IAsyncDisposable
{
    private readonly string connectionString;
    private readonly string pragmas;
    private readonly ILogger logger;
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private long completed;

    public SqliteWalCheckpointer(string connectionString, string pragmas, ILogger logger)
    {
        this.connectionString = connectionString;
        this.pragmas = pragmas;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>How many checkpoints have run; the writer checkpoints itself if this stops moving.</summary>
    public long Completed => Interlocked.Read(ref completed);

    public void Request()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A checkpoint is already requested.
        }
        catch (ObjectDisposedException)
        {
            // Shutting down; the last connection to close checkpoints anyway.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
        wake.Dispose();
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                try
                {
                    await wake.WaitAsync(stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                try
                {
                    connection ??= Open();
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(CancellationToken.None);
                    Interlocked.Increment(ref completed);
                }
#pragma warning disable CA1031 // A failed checkpoint is retried on the next request; the WAL keeps every commit meanwhile.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "WAL checkpoint failed; it is retried on the next request");
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
        return connection;
    }
}
