using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Persistence.Bookmarks;

internal static class BookmarkMapping
{
    public static BookmarkRecord ToRecord(Bookmark bookmark, WorkflowInstance instance) => new()
    {
        Id = bookmark.Id,
        InstanceId = instance.Id,
        Name = bookmark.Name,
        Key = bookmark.Key,
        CorrelationId = instance.CorrelationId,
        ActivityId = bookmark.ActivityId,
        CreatedAt = bookmark.CreatedAt,
        DueAt = bookmark.DueAt,
    };

    public static BookmarkMatch ToMatch(BookmarkRecord record) =>
        new(record.Id, record.InstanceId, record.Name, record.Key, record.CorrelationId, record.DueAt);
}
