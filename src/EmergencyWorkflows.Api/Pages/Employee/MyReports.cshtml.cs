using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Feedback;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Pages.Employee;

/// <summary>
/// <c>/my/reports</c>: the incidents I reported (within what the API lets me see, <see cref="IncidentAccess.Visible"/>),
/// newest first, with status, grade and the latest timeline entry; refreshed live over <c>/live</c>.
/// </summary>
internal sealed class MyReportsModel(IDbContextFactory<WorkflowsDbContext> contexts) : PageModel
{
    private const int MaxListed = 100;

    public IReadOnlyList<MyReportRow> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken cancellationToken)
    {
        Reports = await LoadAsync(cancellationToken);
        return Partial("_MyReportsList", this);
    }

    private async Task<IReadOnlyList<MyReportRow>> LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.UserNameOf() ?? string.Empty;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incidents = await IncidentAccess.Visible(db, User).AsNoTracking().Where(i => i.ReportedBy == me)
            .OrderByDescending(i => i.CreatedAt).Take(MaxListed).ToListAsync(cancellationToken);
        var ids = incidents.Select(i => i.Id).ToList();
        var latestIds = await db.IncidentTimeline.Where(t => ids.Contains(t.IncidentId))
            .GroupBy(t => t.IncidentId).Select(g => g.Max(t => t.Id)).ToListAsync(cancellationToken);
        var latest = await db.IncidentTimeline.AsNoTracking().Where(t => latestIds.Contains(t.Id)).ToDictionaryAsync(t => t.IncidentId, cancellationToken);
        var feedback = await db.EmployeeFeedback.AsNoTracking().Where(f => ids.Contains(f.IncidentId) && f.GivenBy == me)
            .ToDictionaryAsync(f => f.IncidentId, f => f.Satisfaction, cancellationToken);
        return incidents.Select(i => new MyReportRow(
            i.Id, i.Location, i.Category, i.Status, i.Grade, i.SuggestedGrade, i.CreatedAt,
            latest.TryGetValue(i.Id, out var entry) ? TimelineView.Of(entry) : null,
            FeedbackEndpoints.IsHandled(i.Status),
            feedback.TryGetValue(i.Id, out var satisfaction) ? satisfaction : null)).ToList();
    }
}

internal sealed record MyReportRow(
    string Id, string Location, string? Category, string Status, int? Grade, int SuggestedGrade, DateTimeOffset ReportedAt,
    TimelineView? Latest, bool FeedbackOpen, int? MySatisfaction);
