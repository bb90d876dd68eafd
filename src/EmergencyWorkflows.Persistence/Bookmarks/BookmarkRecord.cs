namespace EmergencyWorkflows.Persistence.Bookmarks;

/// <summary>
/// The lookup row of a bookmark. The full bookmark (payload, hash, activity instance) lives in the instance's
/// state JSON; this row only lets a stimulus find the instances waiting for it.
/// </summary>
public sealed class BookmarkRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string Name { get; set; }
    public string? Key { get; set; }

    /// <summary>Copied from the instance when the bookmark is written.</summary>
    public string? CorrelationId { get; set; }

    public required string ActivityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
}
