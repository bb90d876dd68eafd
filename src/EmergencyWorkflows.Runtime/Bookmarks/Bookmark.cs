using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Bookmarks;

/// <summary>
/// A persisted waiting point (§3.1). <see cref="Name"/> is the stimulus name (<c>Elsa.Event</c>, <c>Elsa.RunTask</c>,
/// <c>Elsa.Delay</c>, ...); <see cref="Key"/> is what a stimulus is matched on (the event name, the task id);
/// <see cref="DueAt"/> is set for timer bookmarks, which a timer scheduler wakes.
/// </summary>
public sealed record Bookmark
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Key { get; init; }
    public string? Hash { get; init; }
    public JsonObject Payload { get; init; } = [];
    public required string ActivityId { get; init; }
    public required string ActivityNodeId { get; init; }
    public required string ActivityInstanceId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
}

/// <summary>Well-known bookmark (stimulus) names.</summary>
public static class BookmarkNames
{
    public const string Event = "Elsa.Event";
    public const string RunTask = "Elsa.RunTask";
    public const string Delay = "Elsa.Delay";
    public const string Timer = "Elsa.Timer";
    public const string StartAt = "Elsa.StartAt";
    public const string Cron = "Elsa.Cron";
}
