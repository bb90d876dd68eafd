using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Outbox;

internal sealed class EfOutboxStore(IDbContextFactory<WorkflowsDbContext> contexts, WriteGate writeGate, TimeProvider timeProvider) : IOutboxStore
{
    /// <summary>Oldest first, so messages of one instance leave in the order its bursts wrote them.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Outbox.AsNoTracking()
            .Where(o => o.DispatchedAt == null)
            .OrderBy(o => o.CreatedAt)
            .ThenBy(o => o.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        return records.Select(OutboxMapping.ToMessage).ToList();
    }

    public async Task<bool> MarkDispatchedAsync(string messageId, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Outbox
            .Where(o => o.Id == messageId && o.DispatchedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.DispatchedAt, now).SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellationToken);
        return updated == 1;
    }
}
