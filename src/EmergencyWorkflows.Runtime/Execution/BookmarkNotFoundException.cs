namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>The instance has no pending bookmark with that id (already consumed, or never existed).</summary>
public sealed class BookmarkNotFoundException : Exception
{
    public BookmarkNotFoundException(string instanceId, string bookmarkId)
        : base($"Workflow instance '{instanceId}' has no pending bookmark '{bookmarkId}'.")
    {
        BookmarkId = bookmarkId;
    }

    public BookmarkNotFoundException() => BookmarkId = string.Empty;

    public BookmarkNotFoundException(string message) : base(message) => BookmarkId = string.Empty;

    public BookmarkNotFoundException(string message, Exception inner) : base(message, inner) => BookmarkId = string.Empty;

    public string BookmarkId { get; }
}
