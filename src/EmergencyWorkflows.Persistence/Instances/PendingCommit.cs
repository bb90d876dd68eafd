using EmergencyWorkflows.Persistence.Bookmarks;
using EmergencyWorkflows.Persistence.Outbox;

namespace EmergencyWorkflows.Persistence.Instances;

/// <summary>
/// One caller's commit, already mapped to rows (JSON serialized on the caller's thread), waiting for the group
/// commit writer. <see cref="Completion"/> completes only after the batch holding it is durably committed.
/// </summary>
internal sealed class PendingCommit(
    WorkflowInstanceRecord instance,
    long expectedRevision,
    IReadOnlyList<BookmarkRecord> bookmarks,
    IReadOnlyDictionary<string, DateTimeOffset> timers,
    bool cancelled,
    IReadOnlyList<OutboxRecord> outbox,
    CancellationToken cancellationToken)
{
    public WorkflowInstanceRecord Instance { get; } = instance;
    public long ExpectedRevision { get; } = expectedRevision;
    public bool IsNew => ExpectedRevision == 0;
    public IReadOnlyList<BookmarkRecord> Bookmarks { get; } = bookmarks;

    /// <summary>Bookmark id → due time, for every bookmark with a due time.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Timers { get; } = timers;

    /// <summary>The instance was cancelled: a Pending timer whose bookmark is gone becomes Cancelled, not Fired.</summary>
    public bool Cancelled { get; } = cancelled;

    public IReadOnlyList<OutboxRecord> Outbox { get; } = outbox;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
