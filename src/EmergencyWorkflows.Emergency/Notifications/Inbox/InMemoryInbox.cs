namespace EmergencyWorkflows.Emergency.Notifications.Inbox;

public sealed class InMemoryInbox : IInbox
{
    private readonly Dictionary<string, InboxItem> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            return Task.FromResult(_items.TryAdd(item.Id, item));
        }
    }

    public Task<IReadOnlyList<InboxItem>> ForRecipientAsync(string recipientId, bool unreadOnly, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<InboxItem> items = _items.Values
                .Where(i => i.RecipientId == recipientId && (!unreadOnly || i.ReadAt is null))
                .OrderByDescending(i => i.CreatedAt)
                .ThenByDescending(i => i.Id, StringComparer.Ordinal)
                .ToArray();
            return Task.FromResult(items);
        }
    }

    public Task<bool> MarkReadAsync(string itemId, string recipientId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Someone else's item is "not found" too: an inbox never confirms that another member's item exists.
            if (!_items.TryGetValue(itemId, out var item) || item.RecipientId != recipientId)
            {
                return Task.FromResult(false);
            }

            if (item.ReadAt is null)
            {
                _items[itemId] = item with { ReadAt = at };
            }

            return Task.FromResult(true);
        }
    }
}
