using EmergencyWorkflows.Runtime.Bookmarks;

namespace EmergencyWorkflows.Runtime.Instances;

/// <summary>
/// The in-memory twin of the instance, bookmark and outbox stores: one lock is one transaction, the revision check
/// is the same as the durable store's, and instances are cloned on the way in and out so callers never share state.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowInstanceStore, IBookmarkStore, IOutboxStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, WorkflowInstance> instances = new(StringComparer.Ordinal);
    private readonly List<OutboxEntry> outbox = [];

    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(instances.TryGetValue(instanceId, out var instance) ? instance.Clone() : null);
        }
    }

    public Task SaveAsync(WorkflowCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (gate)
        {
            var current = instances.TryGetValue(commit.Instance.Id, out var stored) ? stored.Revision : 0;
            if (current != commit.ExpectedRevision)
            {
                throw new WorkflowConcurrencyException(commit.Instance.Id, commit.ExpectedRevision);
            }

            var copy = commit.Instance.Clone();
            copy.Revision = commit.ExpectedRevision + 1;
            instances[copy.Id] = copy;
            commit.Instance.Revision = copy.Revision;
            foreach (var message in commit.Outbox)
            {
                outbox.Add(new OutboxEntry(message with { Payload = (System.Text.Json.Nodes.JsonObject)message.Payload.DeepClone() }));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WorkflowInstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (gate)
        {
            IReadOnlyList<WorkflowInstanceSummary> result = instances.Values
                .Where(i => query.DefinitionId is null || i.DefinitionId == query.DefinitionId)
                .Where(i => query.CorrelationId is null || i.CorrelationId == query.CorrelationId)
                .Where(i => query.Status is null || i.Status == query.Status)
                .OrderByDescending(i => i.CreatedAt)
                .Take(query.Take)
                .Select(i => new WorkflowInstanceSummary(i.Id, i.DefinitionId, i.DefinitionVersion, i.CorrelationId, i.Name,
                    i.Status, i.SubStatus, i.Incidents.Count, i.CreatedAt, i.UpdatedAt))
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<BookmarkMatch?> FindByIdAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(AllBookmarks().FirstOrDefault(m => m.BookmarkId == bookmarkId));
        }
    }

    public Task<IReadOnlyList<BookmarkMatch>> FindAsync(BookmarkFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (gate)
        {
            IReadOnlyList<BookmarkMatch> result = AllBookmarks()
                .Where(m => m.Name == filter.Name)
                .Where(m => filter.Key is null || m.Key == filter.Key)
                .Where(m => filter.CorrelationId is null || m.CorrelationId == filter.CorrelationId)
                .Where(m => filter.InstanceId is null || m.InstanceId == filter.InstanceId)
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<BookmarkMatch>> FindDueAsync(DateTimeOffset dueAtOrBefore, int take, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<BookmarkMatch> result = AllBookmarks()
                .Where(m => m.DueAt is { } due && due <= dueAtOrBefore)
                .OrderBy(m => m.DueAt)
                .Take(take)
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<BookmarkMatch>> ListTimersAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<BookmarkMatch> result = AllBookmarks().Where(m => m.DueAt is not null).OrderBy(m => m.DueAt).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(int take, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<OutboxMessage> result = outbox.Where(e => !e.Dispatched).Take(take)
                .Select(e => e.Message with { Payload = (System.Text.Json.Nodes.JsonObject)e.Message.Payload.DeepClone() })
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<bool> MarkDispatchedAsync(string messageId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var entry = outbox.Find(e => e.Message.Id == messageId);
            if (entry is null || entry.Dispatched)
            {
                return Task.FromResult(false);
            }

            entry.Dispatched = true;
            return Task.FromResult(true);
        }
    }

    /// <summary>Every outbox message ever committed, dispatched or not (for tests).</summary>
    public IReadOnlyList<OutboxMessage> AllOutboxMessages()
    {
        lock (gate)
        {
            return [.. outbox.Select(e => e.Message)];
        }
    }

    private IEnumerable<BookmarkMatch> AllBookmarks() =>
        instances.Values.SelectMany(i => i.Bookmarks.Select(b =>
            new BookmarkMatch(b.Id, i.Id, b.Name, b.Key, i.CorrelationId, b.DueAt)));

    private sealed class OutboxEntry(OutboxMessage message)
    {
        public OutboxMessage Message { get; } = message;
        public bool Dispatched { get; set; }
    }
}
