using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Api.Release;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Pages.Lead;

internal sealed record ActionRow(ImprovementActionRecord Action, IncidentRecord Incident);

/// <summary>The improvement actions a list shows; <see cref="ShowIncident"/> on the cross-incident list.</summary>
internal sealed record ActionList(IReadOnlyList<ActionRow> Rows, DateTimeOffset Now, IReadOnlyList<OwnerOption> Owners, bool ShowIncident);

/// <summary><c>/lead/actions</c>: every open improvement action across incidents, overdue first and marked as such.</summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class ActionsModel(IDbContextFactory<WorkflowsDbContext> contexts, IncidentWriter writer, TimeProvider time, IOptions<AuthOptions> auth,
    IStringLocalizer<LeadText> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? IncidentId { get; set; }

    [BindProperty]
    public string? ActionId { get; set; }

    public ActionList List { get; private set; } = null!;

    public LeadForm Form { get; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDoneAsync(CancellationToken cancellationToken)
    {
        var done = await ReviewEndpoints.DoneAsync(IncidentId ?? string.Empty, ActionId ?? string.Empty, User, writer, time, cancellationToken);
        if (done.Result is Ok<ActionView>)
        {
            return RedirectToPage(new { done = "action-done" });
        }

        Form.TakeProblem(done.Result, l);
        Response.StatusCode = Form.ProblemStatus ?? StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = IncidentAccess.Visible(db, User).AsNoTracking();
        var rows = await db.ImprovementActions.AsNoTracking().Where(a => a.DoneAt == null)
            .Join(visible, a => a.IncidentId, i => i.Id, (a, i) => new { a, i })
            .ToListAsync(cancellationToken);
        var owners = await ActionOwners.LoadAsync(db, auth, cancellationToken);
        List = new ActionList(rows.OrderBy(x => x.a.DueAt).Select(x => new ActionRow(x.a, x.i)).ToList(), time.GetUtcNow(), owners, ShowIncident: true);
    }
}
