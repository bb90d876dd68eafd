namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>An improvement action from a review, tracked to done; <see cref="LastRemindedOn"/> keeps reminders to one a day.</summary>
public sealed class ImprovementActionRecord
{
    public required string Id { get; set; }
    public required string IncidentId { get; set; }
    public int Ordinal { get; set; }
    public required string Title { get; set; }
    public required string OwnerId { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    public DateOnly? LastRemindedOn { get; set; }
}
