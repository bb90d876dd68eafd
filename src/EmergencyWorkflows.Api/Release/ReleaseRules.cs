using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Release;

/// <summary>
/// The rules information release and closure add to the state machine: a Level 1 incident is announced before it is
/// resolved (plan §3.4), and Reviewed means a review record exists (plan §3.5).
/// </summary>
internal static class ReleaseRules
{
    public static async Task<string?> WhyNotAsync(
        WorkflowsDbContext db, string incidentId, IncidentStatus to, IncidentGrade? grade, CancellationToken cancellationToken)
    {
        if (to == IncidentStatus.Resolved && grade == IncidentGrade.Level1
            && !await db.Announcements.AnyAsync(a => a.IncidentId == incidentId, cancellationToken))
        {
            return "A Level 1 (major) incident needs at least one announcement before it is resolved (plan §3.4); "
                + $"publish one with POST /api/incidents/{incidentId}/announcements.";
        }

        if (to == IncidentStatus.Reviewed && !await db.IncidentReviews.AnyAsync(r => r.IncidentId == incidentId, cancellationToken))
        {
            return $"An incident becomes Reviewed by recording its review: POST /api/incidents/{incidentId}/review.";
        }

        return null;
    }
}
