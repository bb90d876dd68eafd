using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Lead;

internal sealed record ApprovalRow(IncidentApprovalRecord Approval, IncidentRecord Incident);

/// <summary>
/// <c>/lead/approvals</c>: four-eyes requests (downgrading or closing a Level 1 incident) waiting for a second team lead,
/// decided through <see cref="IncidentLedger.DecideAsync"/>: the requester cannot approve their own (the API's rule).
/// </summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class ApprovalsModel(IDbContextFactory<WorkflowsDbContext> contexts, IncidentLedger ledger, IStringLocalizer<LeadText> l) : PageModel
{
    private const int RecentDecisions = 20;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? IncidentId { get; set; }

    [BindProperty]
    public string? ApprovalId { get; set; }

    [BindProperty]
    public bool? Approve { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<ApprovalRow> Pending { get; private set; } = [];

    public IReadOnlyList<ApprovalRow> Decided { get; private set; } = [];

    public LeadForm Form { get; } = new();

    /// <summary>The request the error belongs to, so the page shows it beside that request.</summary>
    public string? FailedApprovalId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(IncidentId) || string.IsNullOrWhiteSpace(ApprovalId) || Approve is null)
        {
            Form.Add("approvals", l["Approvals.Choose"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var outcome = await ledger.DecideAsync(IncidentId, ApprovalId, new ApprovalBody(Approve, Note), User, cancellationToken);
        if (outcome.Kind == LedgerOutcomeKind.Ok)
        {
            return RedirectToPage(new { done = Approve == true ? "approved" : "rejected" });
        }

        Form.Problem = outcome.Kind == LedgerOutcomeKind.Forbidden ? l["Approvals.NotYourOwn"] + " " + outcome.Message : LeadForm.Say(l, outcome);
        FailedApprovalId = ApprovalId;
        Response.StatusCode = outcome.Kind switch
        {
            LedgerOutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            LedgerOutcomeKind.NotFound => StatusCodes.Status404NotFound,
            LedgerOutcomeKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = IncidentAccess.Visible(db, User).AsNoTracking();
        var rows = await db.IncidentApprovals.AsNoTracking()
            .Join(visible, a => a.IncidentId, i => i.Id, (a, i) => new { a, i })
            .ToListAsync(cancellationToken);
        Pending = rows.Where(x => x.a.State == IncidentLedger.Pending).OrderBy(x => x.a.RequestedAt).Select(x => new ApprovalRow(x.a, x.i)).ToList();
        Decided = rows.Where(x => x.a.State != IncidentLedger.Pending).OrderByDescending(x => x.a.DecidedAt).Take(RecentDecisions)
            .Select(x => new ApprovalRow(x.a, x.i)).ToList();
    }
}
