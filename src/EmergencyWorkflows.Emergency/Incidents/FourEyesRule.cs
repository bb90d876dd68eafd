namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>
/// Which decisions need a second team lead's approval (issue 4: downgrading or closing a Level 1 incident), and
/// whether a given approval satisfies it. The approver must be a different person from the one who asked.
/// </summary>
public static class FourEyesRule
{
    public static bool RegradeNeedsApproval(IncidentGrade current, IncidentGrade proposed) =>
        current == IncidentGrade.Level1 && proposed != IncidentGrade.Level1;

    public static bool CloseNeedsApproval(IncidentGrade? grade) => grade == IncidentGrade.Level1;

    /// <summary>Null when <paramref name="approverId"/> may approve what <paramref name="requesterId"/> asked for.</summary>
    public static string? WhyApprovalInvalid(string requesterId, string approverId, bool approverIsTeamLead)
    {
        if (!approverIsTeamLead)
        {
            return "Only a team lead can approve this decision.";
        }

        return string.Equals(requesterId, approverId, StringComparison.OrdinalIgnoreCase)
            ? "A second team lead must approve: the person who asked cannot approve their own request."
            : null;
    }
}
