namespace EmergencyWorkflows.Persistence.Feedback;

/// <summary>A general suggestion about the emergency plan from any employee (plan §2: keep improving the process).</summary>
public sealed class SuggestionRecord
{
    public required string Id { get; set; }

    /// <summary>The user name of the employee who sent it.</summary>
    public required string SubmittedBy { get; set; }

    /// <summary>The part of the plan it is about (a <c>SuggestionTopic</c> name); null when not given.</summary>
    public string? Topic { get; set; }

    public required string Text { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}
