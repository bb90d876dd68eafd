namespace EmergencyWorkflows.Emergency.Notifications.Inbox;

/// <summary>The in-app inbox port (persistence provides the durable one).</summary>
public interface IInbox
{
    /// <summary>Adds the item unless one with the same id exists; false when it already did.</summary>
    Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>The recipient's items, newest first.</summary>
    Task<IReadOnlyList<InboxItem>> ForRecipientAsync(string recipientId, bool unreadOnly, CancellationToken cancellationToken);

    /// <summary>Marks the recipient's item read (first read time kept); false when the recipient has no such item.</summary>
    Task<bool> MarkReadAsync(string itemId, string recipientId, DateTimeOffset at, CancellationToken cancellationToken);
}
