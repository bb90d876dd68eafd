using EmergencyWorkflows.Persistence.Bookmarks;
using EmergencyWorkflows.Persistence.Outbox;
using EmergencyWorkflows.Persistence.Sqlite;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Persistence.Instances;

/// <summary>
/// The SQLite instance store: commits go through the group-commit <see cref="SqliteCommitWriter"/>, the lookup by
/// id is one prepared statement on a pooled read connection, and listing stays with EF
/// (<see cref="EfWorkflowInstanceStore"/>).
/// </summary>
internal sealed class SqliteWorkflowInstanceStore(
    SqliteCommitWriter writer,
    SqliteReadPool reads,
    EfWorkflowInstanceStore listing,
    ILogger<SqliteWorkflowInstanceStore> logger) : IWorkflowInstanceStore
{
    private const string FindSql = "SELECT Id, StateJson, Revision FROM WorkflowInstances WHERE Id = $id;";

    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        WorkflowInstanceRecord? record = null;
        using (var session = reads.Rent())
        {
            var command = session.Command(FindSql);
            command.Parameters.AddWithValue("$id", instanceId);
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                record = new WorkflowInstanceRecord
                {
                    Id = reader.GetString(0),
                    StateJson = reader.GetString(1),
                    Revision = reader.GetInt64(2),
                    DefinitionId = string.Empty,
                    DefinitionVersionId = string.Empty,
                    Status = string.Empty,
                    SubStatus = string.Empty,
                };
            }
        }

        return Task.FromResult(record is null ? null : InstanceMapping.ToInstance(record));
    }

    public async Task SaveAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedRevision);
        cancellationToken.ThrowIfCancellationRequested();
        var instance = commit.Instance;
        var record = InstanceMapping.ToRecord(instance, commit.ExpectedRevision + 1);
        var bookmarks = new List<BookmarkRecord>(instance.Bookmarks.Count);
        var timers = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var bookmark in instance.Bookmarks)
        {
            bookmarks.Add(BookmarkMapping.ToRecord(bookmark, instance));
            if (bookmark.DueAt is { } due)
            {
                timers[bookmark.Id] = due;
            }
        }

        var outbox = new List<OutboxRecord>(commit.Outbox.Count);
        foreach (var message in commit.Outbox)
        {
            outbox.Add(OutboxMapping.ToRecord(message));
        }

        await writer.CommitAsync(new PendingCommit(
            record, commit.ExpectedRevision, bookmarks, timers, instance.SubStatus == WorkflowSubStatus.Cancelled, outbox, cancellationToken));

        instance.Revision = record.Revision;
        logger.LogDebug(
            "Committed workflow instance {InstanceId} at revision {Revision} with {BookmarkCount} bookmarks and {OutboxCount} outbox messages",
            instance.Id, record.Revision, bookmarks.Count, outbox.Count);
    }

    public Task<IReadOnlyList<WorkflowInstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        listing.ListAsync(query, cancellationToken);
}
