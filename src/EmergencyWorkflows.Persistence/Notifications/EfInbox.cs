using EmergencyWorkflows.Emergency.Notifications.Inbox;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Notifications;

/// <summary>The durable in-app inbox: an item per notification (its dedup key), so a repeated delivery adds nothing.</summary>
public sealed class EfInbox : IInbox
{
    private const int MaxItems = 500;
    private readonly IDbContextFactory<WorkflowsDbContext> contexts;
    private readonly WriteGate writeGate;

    internal EfInbox(IDbContextFactory<WorkflowsDbContext> contexts, WriteGate writeGate)
    {
        this.contexts = contexts;
        this.writeGate = writeGate;
    }

    public async Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<InboxItemRecord>().AnyAsync(i => i.Id == item.Id, cancellationToken))
        {
            return false;
        }

        db.Add(new InboxItemRecord
        {
            Id = item.Id,
            RecipientId = item.RecipientId,
            IncidentId = item.IncidentId,
            Subject = item.Subject,
            Text = item.Text,
            AckUrl = item.AckUrl.AbsoluteUri,
            CreatedAt = item.CreatedAt,
            ReadAt = item.ReadAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DuplicateKey.IsLostRace(ex))
        {
            return false;
        }
    }

    /// <summary>Newest first, at most 500 items.</summary>
    public async Task<IReadOnlyList<InboxItem>> ForRecipientAsync(string recipientId, bool unreadOnly, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Set<InboxItemRecord>().AsNoTracking().Where(i => i.RecipientId == recipientId);
        if (unreadOnly)
        {
            query = query.Where(i => i.ReadAt == null);
        }

        var rows = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(MaxItems).ToListAsync(cancellationToken);
        return rows.Select(r => new InboxItem(r.Id, r.RecipientId, r.IncidentId, r.Subject, r.Text, new Uri(r.AckUrl), r.CreatedAt, r.ReadAt)).ToList();
    }

    public async Task<bool> MarkReadAsync(string itemId, string recipientId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<InboxItemRecord>().SingleOrDefaultAsync(i => i.Id == itemId && i.RecipientId == recipientId, cancellationToken);
        if (row is null)
        {
            return false;
        }

        row.ReadAt ??= at;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
