using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>The incident record's facts for the Emergency.* steps (a short read on the read side of the database; no
/// write queue, so it never waits for the commit writer that may be running the burst).</summary>
internal sealed class IncidentFactsReader(IDbContextFactory<WorkflowsDbContext> contexts) : IIncidentFacts
{
    public IncidentFacts? Find(string incidentId)
    {
        using var db = contexts.CreateDbContext();
        var row = db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.Status, i.Grade, i.AssessmentJson })
            .SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        var announcements = db.Announcements.AsNoTracking().Count(a => a.IncidentId == incidentId);
        return new IncidentFacts(row.Status, row.Grade, row.AssessmentJson, announcements);
    }
}
