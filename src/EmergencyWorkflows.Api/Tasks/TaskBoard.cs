using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Tasks;

/// <summary>
/// The open human tasks, read from the pending <c>Elsa.RunTask</c> bookmarks whose payload is an
/// <see cref="HumanTask"/>: they commit with the instance, so a task is listed exactly while its workflow waits on it
/// (no second table to keep in step). Claim, reassign and complete resume the task's bookmark through the runtime
/// and then land on the incident's timeline.
/// </summary>
internal sealed class TaskBoard(IBookmarkStore bookmarks, IWorkflowInstanceStore instances, IWorkflowRuntime runtime,
    IEmergencyDirectory directory, IOptions<AuthOptions> auth)
{
    private const int MaxReasonLength = 2000;

    public async Task<IReadOnlyList<TaskView>> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var matches = await bookmarks.FindAsync(new BookmarkFilter(BookmarkNames.RunTask), cancellationToken);
        var views = new List<TaskView>();
        foreach (var instanceId in matches.Select(m => m.InstanceId).Distinct(StringComparer.Ordinal))
        {
            var instance = await instances.FindAsync(instanceId, cancellationToken);
            foreach (var task in instance is null ? [] : TasksOf(instance))
            {
                if (IsMine(task, user))
                {
                    views.Add(TaskView.From(task, instanceId));
                }
            }
        }

        return [.. views.OrderBy(v => v.Due ?? DateTimeOffset.MaxValue).ThenBy(v => v.CreatedAt)];
    }

    /// <summary>The open human task with this id, or null (unknown, done, a plain RunTask).</summary>
    public async Task<(JsonObject Task, string InstanceId)?> FindAsync(string taskId, CancellationToken cancellationToken)
    {
        var matches = await bookmarks.FindAsync(new BookmarkFilter(BookmarkNames.RunTask, taskId), cancellationToken);
        if (matches.Count == 0 || await instances.FindAsync(matches[0].InstanceId, cancellationToken) is not { } instance)
        {
            return null;
        }

        return TasksOf(instance).FirstOrDefault(t => (string?)t["taskId"] == taskId) is { } task ? (task, instance.Id) : null;
    }

    public async Task<TaskOutcome> ClaimAsync(string taskId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await FindAsync(taskId, cancellationToken) is not var (task, _) || !MayAct(task, user))
        {
            return TaskOutcome.NotFound(taskId);
        }

        var me = Me(user);
        if ((string?)task["claimedBy"] is { } holder && holder != me)
        {
            return TaskOutcome.Conflict($"Task '{taskId}' is already claimed by {holder}.", "Task.AlreadyClaimed", holder);
        }

        if (IsDeactivated(me) || (user.MemberIdOf() is { } myMember && IsDeactivated(myMember)))
        {
            return TaskOutcome.Conflict($"Team member '{me}' is deactivated and cannot take tasks; a team lead may reactivate them.", "Task.YouAreDeactivated");
        }

        return await ResumeAsync(taskId, new JsonObject { ["action"] = HumanTask.ClaimAction, ["by"] = me }, user, cancellationToken);
    }

    public async Task<TaskOutcome> ReassignAsync(string taskId, ReassignTaskBody? body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await FindAsync(taskId, cancellationToken) is not var (task, _) || !MayAct(task, user))
        {
            return TaskOutcome.NotFound(taskId);
        }

        if (string.IsNullOrWhiteSpace(body?.To))
        {
            return TaskOutcome.BadRequest("'to' (a member id or a role) is required.", "Task.ToRequired");
        }

        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > MaxReasonLength)
        {
            return TaskOutcome.BadRequest($"'reason' is required (at most {MaxReasonLength} characters).", "Task.ReasonRequired",
                MaxReasonLength.ToString(CultureInfo.InvariantCulture));
        }

        var to = body.To.Trim();
        if (!IsKnownPerson(to) && AuthRoles.Normalize(to) is null)
        {
            return TaskOutcome.BadRequest($"'to' must be a person (member id or user name) or one of the roles {string.Join(", ", AuthRoles.All)}; '{to}' is neither.", "Task.UnknownAssignee", to);
        }

        if (IsDeactivated(to))
        {
            return TaskOutcome.Conflict($"'{to}' is a deactivated team member and cannot be assigned tasks; choose someone active or reactivate them first.", "Task.AssigneeDeactivated", to);
        }

        if ((string?)task["claimedBy"] is { } holder && holder != Me(user) && !IncidentAccess.SeesAll(user))
        {
            return TaskOutcome.Forbidden($"Task '{taskId}' is claimed by {holder}; only they or a team lead may reassign it.", "Task.ClaimedByOther", holder);
        }

        return await ResumeAsync(taskId,
            new JsonObject { ["action"] = HumanTask.ReassignAction, ["to"] = to, ["by"] = Me(user), ["reason"] = body.Reason.Trim() }, user, cancellationToken);
    }

    public async Task<TaskOutcome> CompleteAsync(string taskId, JsonObject task, string instanceId, CompleteTaskBody? body, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!MayAct(task, user))
        {
            return TaskOutcome.NotFound(taskId);
        }

        var me = Me(user);
        if ((string?)task["claimedBy"] is { } holder && holder != me)
        {
            return TaskOutcome.Forbidden($"Task '{taskId}' is claimed by {holder}; only they may complete it (or reassign it first).", "Task.ClaimedByOther", holder);
        }

        var outcomes = task["outcomes"]!.AsArray().Select(o => (string)o!).ToList();
        var outcome = string.IsNullOrWhiteSpace(body?.Outcome) ? outcomes[0] : body.Outcome.Trim();
        if (!outcomes.Contains(outcome, StringComparer.Ordinal))
        {
            return TaskOutcome.BadRequest($"'outcome' must be one of: {string.Join(", ", outcomes)}.", "Task.UnknownOutcome");
        }

        var errors = TaskForm.Validate(TaskForm.Parse(task["formFields"]), body?.Form);
        if (errors.Count > 0)
        {
            return TaskOutcome.BadRequest("The form is not valid: " + string.Join(" ", errors), "Task.FormInvalid");
        }

        var input = new JsonObject
        {
            ["action"] = HumanTask.CompleteAction,
            ["outcome"] = outcome,
            ["form"] = body?.Form?.DeepClone() ?? new JsonObject(),
            ["by"] = me,
        };
        return await ResumeAsync(taskId, input, user, cancellationToken);
    }

    /// <summary>The task's activity writes the timeline line (outbox, committed with the change); the actor rides along.</summary>
    private async Task<TaskOutcome> ResumeAsync(string taskId, JsonObject action, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        action["actor"] = user.UserNameOf() ?? Me(user);
        var result = await runtime.CompleteTaskAsync(taskId, action, cancellationToken);
        if (result.Status != ResumeStatus.Resumed)
        {
            return result.Status == ResumeStatus.NotFound ? TaskOutcome.NotFound(taskId) : TaskOutcome.Conflict($"Task '{taskId}' changed meanwhile; reload it.", "Task.ChangedMeanwhile");
        }

        return TaskOutcome.Ok(result);
    }

    /// <summary>A deactivated roster member, by member id or by the user name of the user linked to them.</summary>
    private bool IsDeactivated(string who) =>
        (directory.Roster.Contains(who) && !directory.Roster.IsActive(who))
        || auth.Value.Users.Any(u => u.UserName == who && u.MemberId is { } m && directory.Roster.Contains(m) && !directory.Roster.IsActive(m));

    /// <summary>A roster member id, or a configured user's member id or user name.</summary>
    private bool IsKnownPerson(string who) =>
        directory.Roster.Contains(who) || auth.Value.Users.Any(u => u.MemberId == who || u.UserName == who);

    private static IEnumerable<JsonObject> TasksOf(WorkflowInstance instance) =>
        instance.Bookmarks.Where(b => b.Name == BookmarkNames.RunTask && b.Payload[HumanTask.Marker] is JsonValue v && v.TryGetValue<bool>(out var h) && h)
            .Select(b => b.Payload);

    public static string Me(ClaimsPrincipal user) => user.MemberIdOf() ?? user.UserNameOf() ?? "unknown";

    private static bool IsMe(string? who, ClaimsPrincipal user) =>
        who is not null && (who == user.MemberIdOf() || who == user.UserNameOf());

    /// <summary>Assigned to me, claimed by me, or open for a role I hold and not claimed by someone else.</summary>
    public static bool IsMine(JsonObject task, ClaimsPrincipal user)
    {
        if ((string?)task["claimedBy"] is { } holder)
        {
            return IsMe(holder, user);
        }

        var assignee = (string?)task["assignee"];
        return IsMe(assignee, user) || (AuthRoles.Normalize(assignee) is { } role && user.IsInRole(role));
    }

    /// <summary>Whoever the task is for, and team leads/admins (they steer the work); everyone else gets a 404.</summary>
    public static bool MayAct(JsonObject task, ClaimsPrincipal user) =>
        IsMine(task, user) || IsMe((string?)task["assignee"], user) || IncidentAccess.SeesAll(user)
        || (AuthRoles.Normalize((string?)task["assignee"]) is { } role && user.IsInRole(role));
}

internal sealed record ReassignTaskBody(string? To, string? Reason);

/// <summary>
/// An open task as the API shows it: <c>title</c> / <c>instructions</c> / field <c>label</c> are English (as before);
/// <c>titleZh</c>, <c>instructionsZh</c>, field <c>labelZh</c> and <c>outcomeLabels</c> are the task's own texts for
/// Chinese readers and button texts per outcome (null or absent when the definition has none). They are copied onto the
/// task when it opens, so a task keeps the texts of the definition version it started with.
/// </summary>
internal sealed record TaskView(
    string Id, string InstanceId, string Title, string? Instructions, string Assignee, string? ClaimedBy, DateTimeOffset? Due,
    bool Overdue, DateTimeOffset CreatedAt, JsonArray FormFields, JsonArray Outcomes, string? TitleZh = null, string? InstructionsZh = null,
    JsonObject? OutcomeLabels = null)
{
    /// <summary>The title in <paramref name="culture"/>'s language (Chinese when the task has one, else English).</summary>
    public string TitleIn(CultureInfo culture) => TaskTexts.Pick(Title, TitleZh, culture);

    public string? InstructionsIn(CultureInfo culture) =>
        TaskTexts.IsChinese(culture) && !string.IsNullOrWhiteSpace(InstructionsZh) ? InstructionsZh : Instructions;

    /// <summary>The task's own button text for <paramref name="outcome"/>, or null (then the page's word for the outcome).</summary>
    public string? OutcomeLabelIn(string outcome, CultureInfo culture) =>
        TaskTexts.ParseOutcomeLabels(OutcomeLabels, [.. Outcomes.Select(o => (string)o!)]).GetValueOrDefault(outcome)?.In(culture);

    public static TaskView From(JsonObject task, string instanceId) => new(
        (string)task["taskId"]!,
        instanceId,
        (string)task["title"]!,
        (string?)task["instructions"],
        (string?)task["assignee"] ?? string.Empty,
        (string?)task["claimedBy"],
        task["due"]?.GetValue<DateTimeOffset>(),
        task["overdue"] is JsonValue o && o.TryGetValue<bool>(out var overdue) && overdue,
        task["createdAt"]!.GetValue<DateTimeOffset>(),
        (JsonArray?)task["formFields"]?.DeepClone() ?? [],
        (JsonArray?)task["outcomes"]?.DeepClone() ?? [],
        (string?)task["titleZh"],
        (string?)task["instructionsZh"],
        (JsonObject?)task["outcomeLabels"]?.DeepClone());
}

internal enum TaskOutcomeKind
{
    Ok,
    BadRequest,
    Forbidden,
    NotFound,
    Conflict,
}

/// <param name="Code">A stable code of a refusal's <paramref name="Message"/> (English), for pages to say it in their
/// reader's language (resource key <c>ApiError.</c> + the code, <paramref name="Args"/> filling {0}, {1}…); null when
/// the message has none.</param>
internal sealed record TaskOutcome(TaskOutcomeKind Kind, string? Message, ResumeResult? Result, string? Code = null, IReadOnlyList<string>? Args = null)
{
    public static TaskOutcome Ok(ResumeResult result) => new(TaskOutcomeKind.Ok, null, result);

    public static TaskOutcome BadRequest(string message, string? code = null, params string[] args) => new(TaskOutcomeKind.BadRequest, message, null, code, args);

    public static TaskOutcome Forbidden(string message, string? code = null, params string[] args) => new(TaskOutcomeKind.Forbidden, message, null, code, args);

    public static TaskOutcome Conflict(string message, string? code = null, params string[] args) => new(TaskOutcomeKind.Conflict, message, null, code, args);

    public static TaskOutcome NotFound(string taskId) => new(TaskOutcomeKind.NotFound, $"No open task '{taskId}' for you.", null);
}
