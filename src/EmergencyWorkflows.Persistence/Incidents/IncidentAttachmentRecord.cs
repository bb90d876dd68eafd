namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>A file sent with a report. The bytes live in the database beside the metadata (size-limited by the
/// report limits), so an accepted report and its attachments commit in one transaction.</summary>
public sealed class IncidentAttachmentRecord
{
    public required string Id { get; set; }
    public required string IncidentId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
