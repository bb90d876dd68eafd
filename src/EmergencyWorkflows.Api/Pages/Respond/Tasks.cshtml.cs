using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Api.Tasks;
using EmergencyWorkflows.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Respond;

/// <summary>
/// <c>/tasks</c>: my tasks and my role's tasks exactly as <c>GET /api/tasks/mine</c> lists them (<see cref="TaskBoard"/>),
/// with a one-tap claim. The list is a live region: <c>?handler=Fragment</c> renders it alone for site.js.
/// </summary>
[Authorize(Policy = AuthPolicies.Responder)]
internal sealed class TasksModel(TaskBoard board, IDbContextFactory<WorkflowsDbContext> contexts, IStringLocalizer<RespondText> l) : PageModel
{
    public IReadOnlyList<TaskRow> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken cancellationToken)
    {
        Rows = await LoadAsync(cancellationToken);
        return Partial("_TaskList", this);
    }

    public async Task<IActionResult> OnPostClaimAsync(string? taskId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(taskId))
        {
            return RedirectToPage();
        }

        var outcome = await board.ClaimAsync(taskId, User, cancellationToken);
        if (outcome.Kind == TaskOutcomeKind.Ok)
        {
            Notice = "Task.ClaimedNotice";
            return Redirect("/tasks/" + Uri.EscapeDataString(taskId));
        }

        Problem = RespondFormat.Say(l, outcome);
        return RedirectToPage();
    }

    private async Task<IReadOnlyList<TaskRow>> LoadAsync(CancellationToken cancellationToken)
    {
        var tasks = await board.MineAsync(User, cancellationToken);
        var ids = tasks.Select(t => t.InstanceId).Distinct(StringComparer.Ordinal).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Only incidents this user may see lend their category and place to the list (and a link); the rest show the task alone.
        var visible = await IncidentAccess.Readable(db, User).AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Category, i.Location }).ToListAsync(cancellationToken);
        var byId = visible.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return [.. tasks.Select(t => byId.TryGetValue(t.InstanceId, out var i)
            ? new TaskRow(t, true, i.Category, i.Location)
            : new TaskRow(t, false, null, null))];
    }
}

/// <summary>One task in the list, with its incident's category and place when the user may see the incident.</summary>
internal sealed record TaskRow(TaskView Task, bool IncidentVisible, string? Category, string? Location);
