namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>One line of an incident's timeline: who did what, when. <see cref="Detail"/> is shown as plain text and
/// holds no personal data beyond what the incident already shows to the same reader.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Actor, TimelineKind Kind, string Summary, string? Detail = null);

public enum TimelineKind
{
    Reported,
    Transition,
    Signal,
    Task,
    Notification,
    Assessment,
    Approval,
    Announcement,
    Review,
    Edit,
    Feedback,
}
