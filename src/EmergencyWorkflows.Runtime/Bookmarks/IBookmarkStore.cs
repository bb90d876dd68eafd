namespace EmergencyWorkflows.Runtime.Bookmarks;

/// <summary>
/// Finds waiting instances. The rows it reads are written by <c>IWorkflowInstanceStore.SaveAsync</c> in the same
/// transaction as the instance, so a bookmark is never visible without its instance (or the other way round).
/// </summary>
public interface IBookmarkStore
{
    Task<BookmarkMatch?> FindByIdAsync(string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>Bookmarks by stimulus name and key (event name, task id), optionally narrowed to a correlation id or an instance.</summary>
    Task<IReadOnlyList<BookmarkMatch>> FindAsync(BookmarkFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Timer bookmarks due at or before <paramref name="dueAtOrBefore"/>, earliest first.</summary>
    Task<IReadOnlyList<BookmarkMatch>> FindDueAsync(DateTimeOffset dueAtOrBefore, int take, CancellationToken cancellationToken = default);

    /// <summary>Every pending timer bookmark (for re-arming at start-up).</summary>
    Task<IReadOnlyList<BookmarkMatch>> ListTimersAsync(CancellationToken cancellationToken = default);
}

public sealed record BookmarkFilter(string Name, string? Key = null, string? CorrelationId = null, string? InstanceId = null);

public sealed record BookmarkMatch(
    string BookmarkId,
    string InstanceId,
    string Name,
    string? Key,
    string? CorrelationId,
    DateTimeOffset? DueAt);
