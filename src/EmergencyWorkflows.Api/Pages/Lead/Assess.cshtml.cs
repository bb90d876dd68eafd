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

/// <summary>
/// <c>/lead/incidents/{id}/assess</c>: record the grade with its assessment (methods, evidence), or regrade with a
/// reason, through <see cref="IncidentLedger.AssessAsync"/> (the API's rules, four eyes on a Level 1 downgrade).
/// </summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class AssessModel(IDbContextFactory<WorkflowsDbContext> contexts, IncidentLedger ledger, IStringLocalizer<LeadText> l) : PageModel
{
    public static readonly string[] MethodNames = ["OnSiteInspection", "Data", "EmployeeFeedback"];

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>After a redirect: <c>assessed</c> or <c>pending</c> (a second lead must approve).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public int? Grade { get; set; }

    [BindProperty]
    public List<string> Methods { get; set; } = [];

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public LeadIncident Incident { get; private set; } = null!;

    public IReadOnlyList<IncidentApprovalRecord> PendingApprovals { get; private set; } = [];

    public LeadForm Form { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Incident.Assessment is { } current)
        {
            Grade = current.Grade;
            Methods = MethodNames.Where(m => current.Methods?.Contains(m, StringComparison.Ordinal) == true).ToList();
            Evidence = current.Evidence;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Grade is not (1 or 2 or 3))
        {
            Form.Add("grade-1", l["Assess.GradeRequired"]);
        }

        Methods = Methods.Where(MethodNames.Contains).Distinct().ToList();
        if (Methods.Count == 0)
        {
            Form.Add("method-OnSiteInspection", l["Assess.MethodRequired"]);
        }

        if (string.IsNullOrWhiteSpace(Evidence))
        {
            Form.Add("evidence", l["Assess.EvidenceRequired"]);
        }

        if (Incident.Record.Grade is not null && string.IsNullOrWhiteSpace(Reason))
        {
            Form.Add("reason", l["Assess.ReasonRequired"]);
        }

        if (Form.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await ledger.AssessAsync(Id, new AssessmentBody(Grade, Methods, Evidence, Reason), User, cancellationToken);
        switch (outcome.Kind)
        {
            case LedgerOutcomeKind.Ok:
                return RedirectToPage(new { id = Id, done = "assessed" });
            case LedgerOutcomeKind.Pending:
                return RedirectToPage(new { id = Id, done = "pending" });
            case LedgerOutcomeKind.NotFound:
                return NotFound();
            default:
                Form.Problem = LeadForm.Say(l, outcome);
                Response.StatusCode = outcome.Kind switch
                {
                    LedgerOutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
                    LedgerOutcomeKind.Conflict => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status400BadRequest,
                };
                return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await LeadIncident.LoadAsync(db, User, Id, cancellationToken) is not { } incident)
        {
            return false;
        }

        Incident = incident;
        PendingApprovals = await db.IncidentApprovals.AsNoTracking()
            .Where(a => a.IncidentId == Id && a.State == IncidentLedger.Pending).OrderBy(a => a.RequestedAt).ToListAsync(cancellationToken);
        return true;
    }
}
