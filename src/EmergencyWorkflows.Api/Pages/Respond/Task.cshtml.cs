using System.Globalization;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Api.Tasks;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Pages.Respond;

/// <summary>
/// <c>/tasks/{taskId}</c>: one open human task with its instructions and its OWN form (the task's form fields), its
/// outcomes as buttons, claim, and reassign with a required reason. Every action goes through <see cref="TaskBoard"/>,
/// exactly as the tasks API does; a task the API would not let this user act on is a 404 here too.
/// </summary>
[Authorize(Policy = AuthPolicies.Responder)]
internal sealed class TaskModel(TaskBoard board, IDbContextFactory<WorkflowsDbContext> contexts, IEmergencyDirectory directory,
    IOptions<AuthOptions> auth, IStringLocalizer<RespondText> l) : PageModel
{
    [FromRoute]
    public string TaskId { get; set; } = string.Empty;

    public TaskView? Open { get; private set; }

    private JsonObject? raw;

    public IReadOnlyList<TaskFormField> Fields { get; private set; } = [];

    public bool IncidentVisible { get; private set; }

    public string? IncidentCategory { get; private set; }

    public string? IncidentLocation { get; private set; }

    /// <summary>What was typed, by field name, so a refused form comes back as it was sent.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Field errors by field name (resource keys), shown next to the field and in the summary.</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>A refusal the API would answer, in the page's language (<see cref="RespondFormat.Say"/>), shown in the summary.</summary>
    public string? Refusal { get; private set; }

    public string? ReassignTo { get; private set; }

    public string? ReassignReason { get; private set; }

    public string? ReassignToError { get; private set; }

    public string? ReassignReasonError { get; private set; }

    public string? ReassignRefusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public bool ClaimedByMe => Open?.ClaimedBy is { } holder && (holder == TaskBoard.Me(User) || holder == User.UserNameOf());

    /// <summary>People a task may go to (configured users with a member id and the roster), by id.</summary>
    public IReadOnlyList<(string Id, string Name)> People { get; private set; } = [];

    /// <summary>Roles a task may go to: the ones that work incidents.</summary>
    public static IReadOnlyList<string> Roles { get; } = [AuthRoles.Responder, AuthRoles.DepartmentHead, AuthRoles.TeamLead];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : Missing();

    public async Task<IActionResult> OnPostCompleteAsync(string? outcome, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Missing();
        }

        var form = new JsonObject();
        foreach (var field in Fields)
        {
            var raw = Request.Form["Form." + field.Name].ToString();
            Values[field.Name] = raw;
            if (ToJson(field, raw) is { } value)
            {
                form[field.Name] = value;
            }

            // The task's own validation (TaskForm), one field at a time, so the error sits next to its field.
            if (TaskForm.Validate([field], new JsonObject { [field.Name] = form[field.Name]?.DeepClone() }).Count > 0)
            {
                FieldErrors[field.Name] = string.IsNullOrWhiteSpace(raw) ? "Error.Required" : "Error." + field.Type;
            }
        }

        if (FieldErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await board.CompleteAsync(TaskId, raw!, Open!.InstanceId, new CompleteTaskBody(null, outcome, form), User, cancellationToken);
        if (result.Kind == TaskOutcomeKind.Ok)
        {
            Notice = "Task.CompletedNotice";
            return Redirect("/tasks");
        }

        return Refused(result);
    }

    public async Task<IActionResult> OnPostClaimAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Missing();
        }

        var result = await board.ClaimAsync(TaskId, User, cancellationToken);
        if (result.Kind == TaskOutcomeKind.Ok)
        {
            Notice = "Task.ClaimedNotice";
            return Redirect(Request.Path);
        }

        return Refused(result);
    }

    public async Task<IActionResult> OnPostReassignAsync(string? to, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Missing();
        }

        ReassignTo = to;
        ReassignReason = reason;
        ReassignToError = string.IsNullOrWhiteSpace(to) ? "Error.ToRequired" : null;
        ReassignReasonError = string.IsNullOrWhiteSpace(reason) ? "Error.ReasonRequired" : null;
        if (ReassignToError is not null || ReassignReasonError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await board.ReassignAsync(TaskId, new ReassignTaskBody(to, reason), User, cancellationToken);
        if (result.Kind == TaskOutcomeKind.Ok)
        {
            Notice = "Task.ReassignedNotice";
            return Redirect("/tasks");
        }

        if (result.Kind == TaskOutcomeKind.NotFound)
        {
            return Missing();
        }

        ReassignRefusal = RespondFormat.Say(l, result);
        Response.StatusCode = StatusOf(result.Kind);
        return Page();
    }

    private PageResult Refused(TaskOutcome result)
    {
        if (result.Kind == TaskOutcomeKind.NotFound)
        {
            return Missing();
        }

        Refusal = RespondFormat.Say(l, result);
        Response.StatusCode = StatusOf(result.Kind);
        return Page();
    }

    private static int StatusOf(TaskOutcomeKind kind) => kind switch
    {
        TaskOutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        TaskOutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private PageResult Missing()
    {
        Open = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The open task, if this user may act on it (the API's rule); its incident's place only if they may see the incident.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await board.FindAsync(TaskId, cancellationToken) is not var (task, instanceId) || !TaskBoard.MayAct(task, User))
        {
            return false;
        }

        Open = TaskView.From(task, instanceId);
        raw = task;
        Fields = TaskForm.Parse(task["formFields"]);
        // Deactivated members cannot be given tasks: they are not offered.
        var users = auth.Value.Users.Where(u => !string.IsNullOrEmpty(u.MemberId) && !(directory.Roster.Contains(u.MemberId) && !directory.Roster.IsActive(u.MemberId)))
            .Select(u => (u.MemberId!, u.DisplayName ?? u.UserName));
        People = [.. users.Concat(directory.Roster.ActiveMembers.Select(m => (m.Id, m.DisplayName))).DistinctBy(p => p.Item1)];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incident = await IncidentAccess.Readable(db, User).AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.Category, i.Location }).SingleOrDefaultAsync(cancellationToken);
        IncidentVisible = incident is not null;
        IncidentCategory = incident?.Category;
        IncidentLocation = incident?.Location;
        return true;
    }

    /// <summary>A typed value as JSON for the task's own validation: numbers and yes/no become JSON numbers and
    /// booleans when they read as such; anything else stays the text typed, so the validation names the problem.</summary>
    private static JsonValue? ToJson(TaskFormField field, string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        return field.Type switch
        {
            "number" when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            "boolean" when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
            _ => JsonValue.Create(text),
        };
    }
}
