namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>
/// The legal moves of the incident state machine. Every refusal comes with a sentence a person can act on, because
/// the API answers an illegal move with 409 and that sentence.
/// </summary>
public static class IncidentLifecycle
{
    private static readonly Dictionary<IncidentStatus, IncidentStatus[]> Forward = new()
    {
        [IncidentStatus.Reported] = [IncidentStatus.Responding, IncidentStatus.Cancelled],
        [IncidentStatus.Responding] = [IncidentStatus.Assessed, IncidentStatus.Cancelled],
        [IncidentStatus.Assessed] = [IncidentStatus.Handling, IncidentStatus.Cancelled],
        [IncidentStatus.Handling] = [IncidentStatus.Resolved],
        [IncidentStatus.Resolved] = [IncidentStatus.Reviewed, IncidentStatus.Closed],
        [IncidentStatus.Reviewed] = [IncidentStatus.Closed],
        [IncidentStatus.Closed] = [],
        [IncidentStatus.Cancelled] = [],
    };

    /// <summary>The states reachable in one move from <paramref name="from"/>, before grade rules apply.</summary>
    public static IReadOnlyList<IncidentStatus> NextFrom(IncidentStatus from) =>
        Forward.TryGetValue(from, out var next) ? next : [];

    /// <summary>Null when the move is legal for an incident of this grade; otherwise why it is not.</summary>
    /// <param name="grade">The recorded grade, or null while the incident is not graded yet.</param>
    public static string? WhyNot(IncidentStatus from, IncidentStatus to, IncidentGrade? grade)
    {
        if (from == to)
        {
            return $"The incident is already {from}.";
        }

        if (from is IncidentStatus.Closed or IncidentStatus.Cancelled)
        {
            return $"The incident is {from}; it cannot move any more.";
        }

        if (!NextFrom(from).Contains(to))
        {
            var allowed = string.Join(", ", NextFrom(from));
            return to == IncidentStatus.Cancelled
                ? $"Only an incident that is not yet being handled can be cancelled as a false alarm; this one is {from}."
                : $"An incident that is {from} cannot move to {to}; it can move to: {allowed}.";
        }

        if (from == IncidentStatus.Resolved && to == IncidentStatus.Closed && grade is IncidentGrade.Level1 or IncidentGrade.Level2 or null)
        {
            return grade is null
                ? "An ungraded incident cannot close without a review."
                : $"A {Describe(grade.Value)} incident cannot close without a review (plan §3.5); record the review first.";
        }

        if (to == IncidentStatus.Handling && grade is null)
        {
            return "Record the assessment and grade before handling starts (plan §3.2).";
        }

        return null;
    }

    public static bool CanMove(IncidentStatus from, IncidentStatus to, IncidentGrade? grade) => WhyNot(from, to, grade) is null;

    /// <summary>True while the incident still counts as open (the board shows it).</summary>
    public static bool IsOpen(IncidentStatus status) => status is not (IncidentStatus.Closed or IncidentStatus.Cancelled);

    private static string Describe(IncidentGrade grade) => grade switch
    {
        IncidentGrade.Level1 => "Level 1 (major)",
        IncidentGrade.Level2 => "Level 2 (serious)",
        _ => "Level 3 (general)",
    };
}
