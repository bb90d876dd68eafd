namespace EmergencyWorkflows.Persistence.Notifications;

/// <summary>A notification in a member's in-app inbox; <see cref="Id"/> is the notification's dedup key.</summary>
public sealed class InboxItemRecord
{
    public required string Id { get; set; }
    public required string RecipientId { get; set; }
    public required string IncidentId { get; set; }
    public string Subject { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public required string AckUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
