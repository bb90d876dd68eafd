using System.Globalization;
using System.Threading.Channels;
using EmergencyWorkflows.Persistence.Sqlite;
using EmergencyWorkflows.Persistence.Timers;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Persistence.Instances;

/// <summary>
/// Group commit for SQLite. Concurrent <see cref="CommitAsync"/> calls queue here; one writer owns one long-lived
/// connection, takes every commit waiting, and writes them in ONE transaction (BEGIN IMMEDIATE … COMMIT, so one
/// fsync for the batch). Each commit runs inside its own SAVEPOINT: a stale revision or a constraint violation rolls
/// back only that commit, and only its caller gets the exception. Commits in a batch run in queue order, so two
/// commits of the same instance behave exactly as if sequential. A caller's task completes only after COMMIT
/// returned (durable with the configured synchronous mode); if COMMIT fails, every caller of the batch fails.
/// </summary>
internal sealed class SqliteCommitWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 256;
    private const int SqliteConstraint = 19;

    /// <summary>Commits between checkpoint requests (a start writes a few pages; 1000 pages is SQLite's default).</summary>
    private const int CheckpointEvery = 256;

    /// <summary>If the checkpointer has not finished one for this many commits, the writer checkpoints itself.</summary>
    private const int CheckpointStalledAfter = CheckpointEvery * 40;

    private readonly Channel<PendingCommit> queue = Channel.CreateUnbounded<PendingCommit>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly string connectionString;
    private readonly string pragmas;
    private readonly WriteGate writeGate;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Lock startLock = new();
    private readonly SqliteWalCheckpointer checkpointer;
    private int commitsSinceRequest;
    private int commitsSinceCheckpoint;
    private long checkpointsSeen;
    private Task? loop;
    private WriterConnection? writer;

    public SqliteCommitWriter(string connectionString, SqliteStoreOptions options, WriteGate writeGate, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {options.Synchronous.ToString().ToUpperInvariant()};");
        checkpointer = new SqliteWalCheckpointer(this.connectionString, pragmas, logger);
        this.writeGate = writeGate;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Completes when the commit is durable; faults with <see cref="WorkflowConcurrencyException"/>,
    /// <see cref="DbUpdateException"/> (a constraint of this commit) or the batch's failure.</summary>
    public Task CommitAsync(PendingCommit commit)
    {
        EnsureStarted();
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(commit), this);
        return commit.Completion.Task;
    }

    /// <summary>For a container disposed synchronously: drains the queue and closes the connections all the same.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Stops taking commits, writes every commit already queued, then closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        Task? running;
        lock (startLock)
        {
            running = loop;
        }

        if (running is not null)
        {
            await running;
        }

        await checkpointer.DisposeAsync();
        writer?.Dispose();
        writer = null;
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref loop) is not null)
        {
            return;
        }

        lock (startLock)
        {
            loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingCommit>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var commit))
            {
                if (commit.CancellationToken.IsCancellationRequested)
                {
                    commit.Completion.TrySetCanceled(commit.CancellationToken);
                }
                else
                {
                    batch.Add(commit);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                using (await writeGate.EnterAsync(CancellationToken.None))
                {
                    WriteBatch(batch);
                }
            }
#pragma warning disable CA1031 // The writer loop must survive any failure; the batch's callers get the exception.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var commit in batch)
                {
                    commit.Completion.TrySetException(ex);
                }
            }

            batch.Clear();
        }
    }

    private void WriteBatch(List<PendingCommit> batch)
    {
        var outcomes = new Exception?[batch.Count];
        var connection = writer ??= WriterConnection.Open(connectionString, pragmas);
        try
        {
            connection.Begin.ExecuteNonQuery();
            var now = timeProvider.GetUtcNow();
            for (var i = 0; i < batch.Count; i++)
            {
                connection.Savepoint.ExecuteNonQuery();
                try
                {
                    Apply(connection, batch[i], now);
                    connection.Release.ExecuteNonQuery();
                }
                catch (WorkflowConcurrencyException ex)
                {
                    connection.RollbackToSavepoint.ExecuteNonQuery();
                    outcomes[i] = ex;
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
                {
                    connection.RollbackToSavepoint.ExecuteNonQuery();
                    outcomes[i] = new DbUpdateException(
                        $"Commit of workflow instance '{batch[i].Instance.Id}' violates a constraint: {ex.Message}", ex);
                }
            }

            connection.Commit.ExecuteNonQuery();
        }
#pragma warning disable CA1031 // Every caller of the failed batch receives the failure; nothing of the batch is committed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Group commit of {CommitCount} workflow commits failed; every caller of the batch gets the error", batch.Count);
            // The connection may be in any state: close it; the next batch opens a fresh one.
            writer = null;
            connection.Dispose();
            foreach (var commit in batch)
            {
                commit.Completion.TrySetException(ex);
            }

            return;
        }

        try
        {
            Checkpoint(connection, batch.Count);
        }
#pragma warning disable CA1031 // The batch is committed; a failed checkpoint only leaves frames in the WAL for the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "WAL checkpoint after a group commit failed; the commits are durable in the WAL");
        }

        var committed = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is { } failure)
            {
                batch[i].Completion.TrySetException(failure);
            }
            else
            {
                committed++;
                batch[i].Completion.TrySetResult();
            }
        }

        logger.LogDebug("Group commit wrote {CommittedCount} of {CommitCount} workflow commits in one transaction", committed, batch.Count);
    }

    /// <summary>
    /// The writer's connection runs with wal_autocheckpoint = 0: checkpoints happen on the checkpointer's thread, off
    /// the commit path. Only if that stalls does the writer checkpoint itself, so the WAL cannot grow without bound.
    /// </summary>
    private void Checkpoint(WriterConnection connection, int commits)
    {
        commitsSinceRequest += commits;
        if (commitsSinceRequest >= CheckpointEvery)
        {
            commitsSinceRequest = 0;
            checkpointer.Request();
        }

        var seen = checkpointer.Completed;
        if (seen != checkpointsSeen)
        {
            checkpointsSeen = seen;
            commitsSinceCheckpoint = 0;
            return;
        }

        commitsSinceCheckpoint += commits;
        if (commitsSinceCheckpoint >= CheckpointStalledAfter)
        {
            commitsSinceCheckpoint = 0;
            logger.LogWarning("WAL checkpointer is behind; the commit writer checkpoints itself");
            connection.CheckpointPassive.ExecuteNonQuery();
        }
    }

    private void Apply(WriterConnection connection, PendingCommit commit, DateTimeOffset now)
    {
        var record = commit.Instance;
        if (commit.IsNew)
        {
            if (connection.InsertInstance(record) == 0)
            {
                logger.LogInformation("Workflow instance {InstanceId} already exists; the new-instance commit is rejected", record.Id);
                throw new WorkflowConcurrencyException(record.Id, 0);
            }
        }
        else
        {
            if (connection.UpdateInstance(record, commit.ExpectedRevision) == 0)
            {
                logger.LogInformation(
                    "Workflow instance {InstanceId} is no longer at revision {ExpectedRevision}; the commit is rejected",
                    record.Id, commit.ExpectedRevision);
                throw new WorkflowConcurrencyException(record.Id, commit.ExpectedRevision);
            }

            connection.DeleteBookmarks(record.Id);
        }

        foreach (var bookmark in commit.Bookmarks)
        {
            connection.InsertBookmark(bookmark);
        }

        SyncTimers(connection, commit, now);
        foreach (var message in commit.Outbox)
        {
            connection.InsertOutbox(message);
        }
    }

    /// <summary>The same rules as <see cref="TimerSync"/>: rows are kept; Pending ↔ the bookmarks with a due time.</summary>
    private static void SyncTimers(WriterConnection connection, PendingCommit commit, DateTimeOffset now)
    {
        var due = commit.Timers;
        HashSet<string>? matched = null;
        if (!commit.IsNew)
        {
            foreach (var (id, dueAt, state) in connection.ReadTimers(commit.Instance.Id))
            {
                if (due.TryGetValue(id, out var wanted))
                {
                    (matched ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);
                    if (state != TimerState.Pending || dueAt != wanted)
                    {
                        connection.UpdateTimer(id, TimerState.Pending, wanted, now);
                    }
                }
                else if (state == TimerState.Pending)
                {
                    connection.UpdateTimer(id, commit.Cancelled ? TimerState.Cancelled : TimerState.Fired, dueAt, now);
                }
            }
        }

        foreach (var (id, dueAt) in due)
        {
            if (matched is null || !matched.Contains(id))
            {
                connection.InsertTimer(id, commit.Instance.Id, dueAt, now);
            }
        }
    }
}
