using System.Globalization;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Api.Release;
using EmergencyWorkflows.Api.Web;
using EmergencyWorkflows.Emergency.Incidents;
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

/// <summary>One improvement action row of the review form.</summary>
internal sealed class ActionInput
{
    public string? Title { get; set; }

    public string? Owner { get; set; }

    /// <summary>The due day (yyyy-MM-dd); the action is due at the end of that day in the display zone.</summary>
    public string? Due { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Owner) && string.IsNullOrWhiteSpace(Due);
}

internal sealed record OwnerOption(string Id, string Name);

/// <summary>
/// <c>/lead/incidents/{id}/review</c> (plan §3.5): move the incident on (resolve, close; the API's lifecycle and four-eyes
/// rules), write the review with improvement actions (owner, due day) through <see cref="ReviewEndpoints.WriteAsync"/>,
/// mark actions done, then close.
/// </summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class ReviewModel(
    IDbContextFactory<WorkflowsDbContext> contexts, IncidentLedger ledger, IncidentWriter writer, TimeProvider time, IOptions<AuthOptions> auth,
    IncidentSignals signals, IStringLocalizer<LeadText> l, DisplayTime display)
    : PageModel
{
    public const int DefaultRows = 3;
    public const int MaxRows = 20;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>How many empty action rows the form shows.</summary>
    [BindProperty(SupportsGet = true)]
    public int Rows { get; set; } = DefaultRows;

    [BindProperty]
    public string? WhatHappened { get; set; }

    [BindProperty]
    public string? RootCause { get; set; }

    [BindProperty]
    public string? Lessons { get; set; }

    [BindProperty]
    public List<ActionInput> Actions { get; set; } = [];

    [BindProperty]
    public string? MoveTo { get; set; }

    [BindProperty]
    public string? MoveReason { get; set; }

    [BindProperty]
    public string? ActionId { get; set; }

    public LeadIncident Incident { get; private set; } = null!;

    public ReviewRecord? Written { get; private set; }

    public IReadOnlyList<ImprovementActionRecord> WrittenActions { get; private set; } = [];

    public IReadOnlyList<IncidentTimelineRecord> Timeline { get; private set; } = [];

    public IReadOnlyList<OwnerOption> Owners { get; private set; } = [];

    public IReadOnlyList<IncidentStatus> NextStates { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public LeadForm Form { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var actions = new List<ReviewActionBody>();
        foreach (var (input, i) in Actions.Select((a, i) => (a, i)))
        {
            if (input.IsEmpty)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(input.Title))
            {
                Form.Add($"action-{i}-title", l["Review.ActionTitleRequired", i + 1]);
            }

            if (string.IsNullOrWhiteSpace(input.Owner))
            {
                Form.Add($"action-{i}-owner", l["Review.ActionOwnerRequired", i + 1]);
            }

            if (!DateOnly.TryParseExact(input.Due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            {
                Form.Add($"action-{i}-due", l["Review.ActionDueRequired", i + 1]);
                continue;
            }

            // 23:59:59 is never in a DST gap, so the instant always exists.
            actions.Add(new ReviewActionBody(input.Title, input.Owner, display.ToInstant(due.ToDateTime(new TimeOnly(23, 59, 59)))!.Value));
        }

        foreach (var (field, text) in new[] { ("what-happened", WhatHappened), ("root-cause", RootCause), ("lessons", Lessons) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                Form.Add(field, l["Review.Required." + field]);
            }
        }

        if (Form.HasErrors)
        {
            return Invalid(StatusCodes.Status400BadRequest);
        }

        var written = await ReviewEndpoints.WriteAsync(Id, new ReviewBody(WhatHappened, RootCause, Lessons, [.. actions]), User, writer, time, signals, cancellationToken);
        if (written.Result is Created<ReviewView>)
        {
            return RedirectToPage(new { id = Id, done = "reviewed" });
        }

        Form.TakeProblem(written.Result, l);
        return Invalid(Form.ProblemStatus ?? StatusCodes.Status400BadRequest);
    }

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(MoveTo) || !Enum.TryParse<IncidentStatus>(MoveTo, out _))
        {
            Form.Add("move-reason", l["Review.MoveChoose"]);
            return Invalid(StatusCodes.Status400BadRequest);
        }

        if (MoveTo == nameof(IncidentStatus.Cancelled) && string.IsNullOrWhiteSpace(MoveReason))
        {
            Form.Add("move-reason", l["Review.CancelReasonRequired"]);
            return Invalid(StatusCodes.Status400BadRequest);
        }

        var outcome = await ledger.TransitionAsync(Id, new TransitionBody(MoveTo, MoveReason), User, cancellationToken);
        switch (outcome.Kind)
        {
            case LedgerOutcomeKind.Ok:
                return RedirectToPage(new { id = Id, done = "moved" });
            case LedgerOutcomeKind.Pending:
                return RedirectToPage(new { id = Id, done = "close-pending" });
            case LedgerOutcomeKind.NotFound:
                return NotFound();
            default:
                Form.Problem = LeadForm.Say(l, outcome);
                return Invalid(outcome.Kind == LedgerOutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
    }

    public async Task<IActionResult> OnPostDoneAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var done = await ReviewEndpoints.DoneAsync(Id, ActionId ?? string.Empty, User, writer, time, cancellationToken);
        if (done.Result is Ok<ActionView>)
        {
            return RedirectToPage(new { id = Id, done = "action-done" });
        }

        Form.TakeProblem(done.Result, l);
        return Invalid(Form.ProblemStatus ?? StatusCodes.Status400BadRequest);
    }

    private PageResult Invalid(int status)
    {
        Response.StatusCode = status;
        PadRows();
        return Page();
    }

    private void PadRows()
    {
        var wanted = Math.Clamp(Math.Max(Rows, Actions.Count), 1, MaxRows);
        while (Actions.Count < wanted)
        {
            Actions.Add(new ActionInput());
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
        Now = time.GetUtcNow();
        Written = await db.IncidentReviews.AsNoTracking().SingleOrDefaultAsync(r => r.IncidentId == Id, cancellationToken);
        WrittenActions = await db.ImprovementActions.AsNoTracking().Where(a => a.IncidentId == Id).OrderBy(a => a.Ordinal).ToListAsync(cancellationToken);
        Timeline = await db.IncidentTimeline.AsNoTracking().Where(t => t.IncidentId == Id).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        Owners = await ActionOwners.LoadAsync(db, auth, cancellationToken);
        var status = Enum.Parse<IncidentStatus>(incident.Record.Status);
        NextStates = IncidentLifecycle.NextFrom(status).Where(s => s != IncidentStatus.Reviewed).ToList();
        return true;
    }
}
