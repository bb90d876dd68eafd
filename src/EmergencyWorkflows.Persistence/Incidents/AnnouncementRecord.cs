namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>An official announcement or progress update about an incident (plan §3.4), as published.</summary>
public sealed class AnnouncementRecord
{
    public required string Id { get; set; }
    public required string IncidentId { get; set; }
    public long Sequence { get; set; }
    public required string Kind { get; set; }
    public required string Channels { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }

    /// <summary>The body rendered for HTML (the template's markup kept, every field HTML-encoded); empty for
    /// announcements published before it existed.</summary>
    public string BodyHtml { get; set; } = string.Empty;
    public required string PublishedBy { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}
