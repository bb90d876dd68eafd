namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>The limits a report must keep (configurable under <c>Emergency:Reports</c>).</summary>
public sealed class IncidentReportLimits
{
    public int MaxLocationLength { get; set; } = 200;
    public int MaxSituationLength { get; set; } = 4000;
    public int MaxPeopleListed { get; set; } = 100;
    public int MaxNameLength { get; set; } = 100;
    public int MaxPeopleAffected { get; set; } = 1_000_000;
    public int MaxAttachments { get; set; } = 5;
    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>A report may say the event happened slightly "in the future" when the reporter's clock is ahead.</summary>
    public TimeSpan ClockSkewAllowance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An emergency report about something older than this is almost certainly a typo in the date.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);

    public IReadOnlyList<string> AllowedContentTypes { get; set; } =
        ["image/jpeg", "image/png", "image/webp", "application/pdf", "text/plain", "audio/mpeg", "audio/mp4", "video/mp4"];
}
