namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>The closing review (plan §3.5): what happened, root cause, lessons, and improvement actions tracked to done.</summary>
public sealed record Review(
    string WhatHappened,
    string RootCause,
    string Lessons,
    IReadOnlyList<ImprovementAction> Actions,
    string WrittenBy,
    DateTimeOffset WrittenAt)
{
    public string? WhyIncomplete()
    {
        if (string.IsNullOrWhiteSpace(WhatHappened) || string.IsNullOrWhiteSpace(RootCause) || string.IsNullOrWhiteSpace(Lessons))
        {
            return "A review records what happened, the root cause and the lessons learned.";
        }

        var invalid = Actions.FirstOrDefault(a => string.IsNullOrWhiteSpace(a.Title) || string.IsNullOrWhiteSpace(a.OwnerId));
        return invalid is null ? null : "Every improvement action needs a title and an owner.";
    }

    public IEnumerable<ImprovementAction> Overdue(DateTimeOffset now) => Actions.Where(a => a.IsOverdue(now));
}

public sealed record ImprovementAction(string Id, string Title, string OwnerId, DateTimeOffset DueAt, DateTimeOffset? DoneAt = null)
{
    public bool IsOverdue(DateTimeOffset now) => DoneAt is null && now > DueAt;
}
