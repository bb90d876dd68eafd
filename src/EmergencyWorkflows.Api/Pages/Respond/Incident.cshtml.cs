using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Feedback;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Api.Release;
using EmergencyWorkflows.Api.Tasks;
using EmergencyWorkflows.Api.Web;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Pages.Respond;

/// <summary>
/// <c>/incidents/{id}</c>: THE incident page for everyone who may see it — the same <see cref="IncidentView"/> that
/// <c>GET /api/incidents/{id}</c> gives this user (so the same access rule: anything else is a 404 with no data).
/// Responders get one-tap Acknowledge / Arrived on site (the same <see cref="IncidentResponder"/> as the API), the
/// people working on it and the open tasks; leads get links to their actions; the reporter of a handled incident a
/// link to give feedback. Status, SLA and timeline form a live region (<c>?handler=Fragment</c>).
/// </summary>
internal sealed class IncidentModel(IDbContextFactory<WorkflowsDbContext> contexts, IWorkflowInstanceStore instances,
    IncidentResponder responder) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    public IncidentView? Incident { get; private set; }

    public IReadOnlyList<OpenTask> OpenTasks { get; private set; } = [];

    public IReadOnlyList<(string Who, string Role, DateTimeOffset Since)> Participants { get; private set; } = [];

    public IReadOnlyList<AnnouncementView> Announcements { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    /// <summary>Responders (and department heads, leads, admins) work the incident; a reporter only reads it.</summary>
    public bool Works => User.IsResponder();

    public bool IsReporter => Incident is not null && Incident.ReportedBy == User.UserNameOf();

    public bool MayGiveFeedback => IsReporter && Handled;

    /// <summary>Handled (Resolved, Reviewed, Closed): the reporter's feedback is open.</summary>
    public bool Handled => Incident is not null && FeedbackEndpoints.IsHandled(Incident.Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Missing();

    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Partial("_IncidentLive", this) : NotFound();

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellationToken) => RespondAsync(ResponseKind.Acknowledge, cancellationToken);

    public Task<IActionResult> OnPostArriveAsync(CancellationToken cancellationToken) => RespondAsync(ResponseKind.Arrive, cancellationToken);

    private async Task<IActionResult> RespondAsync(ResponseKind kind, CancellationToken cancellationToken)
    {
        // The API's rule for responding (Responder policy) and the page's: only on an incident this user may see.
        if (!Works)
        {
            return Forbid();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return Missing();
        }

        var caller = User.UserNameOf();
        var by = User.MemberIdOf() ?? caller;
        var outcome = await responder.RespondAsync(Id, new IncidentResponse(kind, by, null, $"page:{caller}"), caller, cancellationToken);
        switch (outcome.Kind)
        {
            case ResponseOutcomeKind.Recorded:
                Notice = outcome.AlreadyRecorded ? "Action.AlreadyRecorded" : kind == ResponseKind.Acknowledge ? "Action.Acknowledged" : "Action.Arrived";
                break;
            case ResponseOutcomeKind.NotFound:
                return Missing();
            default:
                Problem = outcome.Message;
                break;
        }

        return Redirect("/incidents/" + Uri.EscapeDataString(Id));
    }

    private PageResult Missing()
    {
        Incident = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        // Exactly what GET /api/incidents/{id} answers this user.
        var answer = await IncidentReportEndpoints.GetAsync(Id, User, contexts, instances, cancellationToken);
        if (answer.Result is not Ok<IncidentView> { Value: { } view })
        {
            return false;
        }

        Incident = view;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var announcements = await db.Announcements.AsNoTracking().Where(a => a.IncidentId == Id).ToListAsync(cancellationToken);
        Announcements = [.. announcements.OrderByDescending(a => a.Sequence).Select(AnnouncementView.From)];
        if (!Works)
        {
            return true;
        }

        // Who works on it and its open tasks are for the team (a reporter gets no task API either).
        var participants = await db.IncidentParticipants.AsNoTracking().Where(p => p.IncidentId == Id).ToListAsync(cancellationToken);
        Participants = [.. participants.OrderBy(p => p.Since).Select(p => (p.Who, p.Role, p.Since))];
        var instance = await instances.FindAsync(Id, cancellationToken);
        OpenTasks = instance is null ? [] :
        [
            .. instance.Bookmarks
                .Where(b => b.Name == BookmarkNames.RunTask && b.Payload[HumanTask.Marker] is JsonValue v && v.TryGetValue<bool>(out var human) && human)
                .Select(b => new OpenTask(TaskView.From(b.Payload, instance.Id), TaskBoard.MayAct(b.Payload, User)))
                .OrderBy(t => t.Task.Due ?? DateTimeOffset.MaxValue),
        ];
        return true;
    }

    /// <summary>The task entries of the timeline that say a task was completed (who, when, outcome).</summary>
    public IEnumerable<TimelineView> DoneTasks => Incident?.Timeline.Where(t => t.Kind == "Task" && (t.MessageKey is null ? t.Summary.Contains(" completed ", StringComparison.Ordinal) : t.MessageKey.StartsWith("Task.Completed", StringComparison.Ordinal))) ?? [];
}

/// <summary>An open task of the incident and whether this user may open it (the tasks API's rule).</summary>
internal sealed record OpenTask(TaskView Task, bool MayOpen);
