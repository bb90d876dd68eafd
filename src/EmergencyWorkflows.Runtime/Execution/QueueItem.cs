namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// A scheduler work item: either execute <see cref="ActivityId"/> as a child of <see cref="OwnerContextId"/>, or
/// resume the existing context <see cref="ResumeContextId"/> with a burnt bookmark.
/// </summary>
internal sealed record QueueItem(string ActivityId, string? OwnerContextId, bool Backward, string? ResumeContextId = null, Bookmarks.Bookmark? Bookmark = null);
