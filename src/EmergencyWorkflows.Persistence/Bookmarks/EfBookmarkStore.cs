using EmergencyWorkflows.Runtime.Bookmarks;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Bookmarks;

internal sealed class EfBookmarkStore(IDbContextFactory<WorkflowsDbContext> contexts) : IBookmarkStore
{
    public async Task<BookmarkMatch?> FindByIdAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookmarkId, cancellationToken);
        return record is null ? null : BookmarkMapping.ToMatch(record);
    }

    /// <summary>A null Key, CorrelationId or InstanceId in the filter means "any".</summary>
    public async Task<IReadOnlyList<BookmarkMatch>> FindAsync(BookmarkFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var bookmarks = db.Bookmarks.AsNoTracking().Where(b => b.Name == filter.Name);
        if (filter.Key is { } key)
        {
            bookmarks = bookmarks.Where(b => b.Key == key);
        }

        if (filter.CorrelationId is { } correlationId)
        {
            bookmarks = bookmarks.Where(b => b.CorrelationId == correlationId);
        }

        if (filter.InstanceId is { } instanceId)
        {
            bookmarks = bookmarks.Where(b => b.InstanceId == instanceId);
        }

        var records = await bookmarks.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        return records.Select(BookmarkMapping.ToMatch).ToList();
    }

    public async Task<IReadOnlyList<BookmarkMatch>> FindDueAsync(DateTimeOffset dueAtOrBefore, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Bookmarks.AsNoTracking()
            .Where(b => b.DueAt != null && b.DueAt <= dueAtOrBefore)
            .OrderBy(b => b.DueAt)
            .ThenBy(b => b.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        return records.Select(BookmarkMapping.ToMatch).ToList();
    }

    public async Task<IReadOnlyList<BookmarkMatch>> ListTimersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Bookmarks.AsNoTracking()
            .Where(b => b.DueAt != null)
            .OrderBy(b => b.DueAt)
            .ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        return records.Select(BookmarkMapping.ToMatch).ToList();
    }
}
