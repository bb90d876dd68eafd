using EmergencyWorkflows.Persistence.Bookmarks;
using EmergencyWorkflows.Persistence.Outbox;
using EmergencyWorkflows.Persistence.Timers;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Persistence.Instances;

/// <summary>
/// Commits a burst in one transaction: the conditional instance write first (so the transaction takes the
/// write lock before reading anything), then bookmarks, timers and outbox rows.
/// </summary>
internal sealed class EfWorkflowInstanceStore(
    IDbContextFactory<WorkflowsDbContext> contexts,
    WriteGate writeGate,
    TimeProvider timeProvider,
    ILogger<EfWorkflowInstanceStore> logger) : IWorkflowInstanceStore
{
    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return record is null ? null : InstanceMapping.ToInstance(record);
    }

    public async Task SaveAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ExpectedRevision);
        var instance = commit.Instance;
        var isNew = commit.ExpectedRevision == 0;
        var record = InstanceMapping.ToRecord(instance, commit.ExpectedRevision + 1);

        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (isNew)
        {
            await InsertAsync(db, transaction, record, cancellationToken);
        }
        else
        {
            await UpdateAsync(db, record, commit.ExpectedRevision, cancellationToken);
        }

        if (!isNew)
        {
            await db.Bookmarks.Where(b => b.InstanceId == instance.Id).ExecuteDeleteAsync(cancellationToken);
        }

        db.Bookmarks.AddRange(instance.Bookmarks.Select(b => BookmarkMapping.ToRecord(b, instance)));
        await TimerSync.SyncAsync(db, instance, isNew, timeProvider.GetUtcNow(), cancellationToken);
        db.Outbox.AddRange(commit.Outbox.Select(OutboxMapping.ToRecord));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        instance.Revision = record.Revision;
        logger.LogDebug(
            "Committed workflow instance {InstanceId} at revision {Revision} with {BookmarkCount} bookmarks and {OutboxCount} outbox messages",
            instance.Id, record.Revision, instance.Bookmarks.Count, commit.Outbox.Count);
    }

    public async Task<IReadOnlyList<WorkflowInstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var instances = db.Instances.AsNoTracking();
        if (query.DefinitionId is { } definitionId)
        {
            instances = instances.Where(i => i.DefinitionId == definitionId);
        }

        if (query.CorrelationId is { } correlationId)
        {
            instances = instances.Where(i => i.CorrelationId == correlationId);
        }

        if (query.Status is { } status)
        {
            var statusName = status.ToString();
            instances = instances.Where(i => i.Status == statusName);
        }

        var records = await instances
            .OrderByDescending(i => i.UpdatedAt)
            .ThenBy(i => i.Id)
            .Take(query.Take)
            .ToListAsync(cancellationToken);
        return records.Select(InstanceMapping.ToSummary).ToList();
    }

    private async Task InsertAsync(
        WorkflowsDbContext db,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        WorkflowInstanceRecord record,
        CancellationToken cancellationToken)
    {
        db.Instances.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Provider-neutral duplicate detection: after the rollback, a row with this id means someone else
            // created the instance first; anything else is a real failure and propagates.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await db.Instances.AnyAsync(i => i.Id == record.Id, cancellationToken))
            {
                logger.LogInformation("Workflow instance {InstanceId} already exists; the new-instance commit is rejected", record.Id);
                throw new WorkflowConcurrencyException(record.Id, 0);
            }

            throw;
        }
    }

    private async Task UpdateAsync(WorkflowsDbContext db, WorkflowInstanceRecord record, long expectedRevision, CancellationToken cancellationToken)
    {
        var updated = await db.Instances
            .Where(i => i.Id == record.Id && i.Revision == expectedRevision)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(i => i.CorrelationId, record.CorrelationId)
                    .SetProperty(i => i.Name, record.Name)
                    .SetProperty(i => i.Status, record.Status)
                    .SetProperty(i => i.SubStatus, record.SubStatus)
                    .SetProperty(i => i.StateJson, record.StateJson)
                    .SetProperty(i => i.IncidentCount, record.IncidentCount)
                    .SetProperty(i => i.Revision, record.Revision)
                    .SetProperty(i => i.UpdatedAt, record.UpdatedAt)
                    .SetProperty(i => i.FinishedAt, record.FinishedAt),
                cancellationToken);

        if (updated != 1)
        {
            logger.LogInformation(
                "Workflow instance {InstanceId} is no longer at revision {ExpectedRevision}; the commit is rejected",
                record.Id, expectedRevision);
            throw new WorkflowConcurrencyException(record.Id, expectedRevision);
        }
    }
}
