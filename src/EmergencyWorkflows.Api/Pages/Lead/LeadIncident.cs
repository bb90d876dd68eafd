using System.Security.Claims;
using System.Text.Json;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Pages.Lead;

/// <summary>The incident a lead page works on, read with the API's access rule (<see cref="IncidentAccess.Visible"/>).</summary>
internal sealed record LeadIncident(IncidentRecord Record, IReadOnlyList<string> SuggestionReasons, RecordedAssessment? Assessment)
{
    public static async Task<LeadIncident?> LoadAsync(WorkflowsDbContext db, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var record = await IncidentAccess.Visible(db, user).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var reasons = JsonSerializer.Deserialize<List<string>>(record.SuggestedGradeReasonsJson) ?? [];
        var assessment = record.AssessmentJson is null ? null : JsonSerializer.Deserialize<RecordedAssessment>(record.AssessmentJson, Web);
        return new LeadIncident(record, reasons, assessment);
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}

/// <summary>The assessment as <see cref="IncidentLedger"/> stores it.</summary>
internal sealed record RecordedAssessment(int Grade, string? Methods, string? Evidence, string? AssessedBy, DateTimeOffset? AssessedAt);
