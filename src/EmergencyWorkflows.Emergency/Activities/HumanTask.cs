using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Expressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// <c>Emergency.HumanTask</c>: one task of the plan's task list for a person (member id) or a role. It waits on an
/// <c>Elsa.RunTask</c> bookmark keyed by its task id (so the engine's task completion finds it) whose payload is the
/// task itself (title, instructions, assignee, due, form fields, outcomes, claimed by): the pending bookmarks are the
/// open task list, committed with the instance. Claim and reassign resume it with an action and it waits again with
/// the new assignee; completion (an outcome and the form data) completes it on that outcome port with the form as
/// output. A timer bookmark fires at the due time: the breach is recorded once and the team leads plus the assignee
/// get an <c>Emergency.Notify</c> escalation; the task stays open.
/// The incident's grade selects the task's policy: <c>dueByGrade</c> gives a deadline per grade, and an overdue task
/// escalates to tier 1 of the grade's escalation policy (<c>grade-n</c>, else <c>default</c>; team leads when none
/// resolves) plus the assignee. After a regrade the open task takes the new grade's deadline and policy, and says so on
/// the incident's timeline.
/// </summary>
public sealed class HumanTask(
    IEmergencyDirectory directory, AckLinkSigner signer, AckLinkOptions links, ILogger<HumanTask>? logger = null, IIncidentFacts? facts = null)
    : Activity
{
    public const string Done = "Done";
    public const string Escalated = "Escalated";

    /// <summary>Bookmark payload marker telling a human task apart from a plain <c>Elsa.RunTask</c>.</summary>
    public const string Marker = "humanTask";

    /// <summary>Outbox message kind recording a breach on the incident's timeline (payload taskId, title, assignee, due, notified).</summary>
    public const string OverdueKind = "Emergency.TaskOverdue";

    /// <summary>The due-time timer bookmark.</summary>
    public const string DueBookmark = "Emergency.TaskDue";

    /// <summary>Actions carried in the run input (<see cref="RunTask.ResultInputKey"/>) under <c>action</c>.</summary>
    public const string ClaimAction = "claim";
    public const string ReassignAction = "reassign";
    public const string CompleteAction = "complete";

    private static readonly string[] EscalationChannels = [nameof(NotificationChannel.Email), nameof(NotificationChannel.InApp)];
    private readonly ILogger logger = logger ?? NullLogger<HumanTask>.Instance;

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Emergency.HumanTask",
        Category = "Emergency",
        DisplayName = "Human task",
        Description = "A task for a person or a role: listed under 'my tasks', claimed, reassigned with a reason and completed " +
            "with form data and an outcome. When it is overdue the team leads and the assignee are notified.",
        Inputs =
        [
            new("title", "String", null, "Title", "What to do, in a few words (shown in task lists).", "singleline"),
            new("titleZh", "String", null, "Title (Chinese)", "The title on Chinese pages (中文标题); empty = the English title.", "singleline"),
            new("instructions", "String", null, "Instructions", "How to do it: the plan's steps for this task.", "multiline"),
            new("instructionsZh", "String", null, "Instructions (Chinese)",
                "The instructions on Chinese pages (中文说明); empty = the English instructions.", "multiline"),
            new("assignee", "String", JsonValue.Create(TeamRoles.Responder), "Assignee",
                "A role (anyone holding it may claim the task) or a person's member id.", "dropdown", Options: TeamRoles.All),
            new("due", "String", null, "Due",
                "Relative to when the task starts (\"00:30:00\", \"1.00:00:00\") or an absolute time (ISO 8601); empty = no deadline.",
                "singleline"),
            new("dueByGrade", "Object", null, "Due by grade",
                "JSON object of deadlines per grade, e.g. {\"1\": \"04:00:00\", \"2\": \"1.00:00:00\", \"3\": \"3.00:00:00\"} (relative to " +
                "when the task starts); the incident's grade picks one, and a regrade moves it. Falls back to Due.", "json-editor"),
            new("formFields", "Object", null, "Form fields",
                "JSON array of {\"name\", \"label\", \"labelZh\" (the label on Chinese pages, optional), \"type\": text|number|boolean|date, " +
                "\"required\"} the completion must fill.",
                "json-editor"),
            new("outcomes", "String[]", new JsonArray(JsonValue.Create(Done)), "Outcomes",
                "The outcomes the assignee may choose on completion (each a port).", "checklist", Options: [Done, Escalated]),
            new("outcomeLabels", "Object", null, "Outcome labels",
                "JSON object of button texts per outcome, e.g. {\"Done\": {\"label\": \"Everyone evacuated\", \"labelZh\": \"人员已全部疏散\"}}; " +
                "an outcome without one shows its plain name.", "json-editor"),
        ],
        Outputs = [new("form", "Object"), new("outcome", "String"), new("completedBy", "String")],
        Outcomes = [Done, Escalated],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var title = context.EvaluateText("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new InvalidOperationException("Emergency.HumanTask: a title is required.");
        }

        var outcomes = context.EvaluateStringList("outcomes");
        var allowed = outcomes.Count == 0 ? [Done] : outcomes.Distinct(StringComparer.Ordinal).ToArray();
        var unknown = allowed.FirstOrDefault(o => o is not Done and not Escalated);
        if (unknown is not null)
        {
            throw new InvalidOperationException($"Emergency.HumanTask: outcome '{unknown}' is not {Done} or {Escalated}.");
        }

        var fields = TaskForm.Parse(context.Evaluate("formFields"));
        var outcomeLabels = TaskTexts.ParseOutcomeLabels(context.Evaluate("outcomeLabels"), allowed);
        var byGrade = DueByGrade(context.Evaluate("dueByGrade"));
        var grade = facts?.Find(IncidentRecord.IncidentIdOf(context.Instance))?.Grade ?? IncidentRecord.CurrentGrade(context.Instance);
        var due = grade is { } g && byGrade.TryGetValue(g.ToString(CultureInfo.InvariantCulture), out var span) ? context.Now + span : Due(context);
        var taskId = context.NewId();
        var task = new JsonObject
        {
            [Marker] = true,
            ["taskId"] = taskId,
            ["taskName"] = title.Trim(),
            ["title"] = title.Trim(),
            ["titleZh"] = Optional(context.EvaluateText("titleZh")),
            ["instructions"] = context.EvaluateText("instructions"),
            ["instructionsZh"] = Optional(context.EvaluateText("instructionsZh")),
            ["assignee"] = (context.EvaluateText("assignee") is { Length: > 0 } a ? a : TeamRoles.Responder).Trim(),
            ["claimedBy"] = null,
            ["due"] = due,
            ["createdAt"] = context.Now,
            ["formFields"] = TaskForm.ToJson(fields),
            ["outcomes"] = new JsonArray([.. allowed.Select(o => JsonValue.Create(o))]),
            ["outcomeLabels"] = TaskTexts.ToJson(outcomeLabels),
            ["overdue"] = false,
            ["grade"] = grade,
            ["dueByGrade"] = byGrade.Count == 0 ? null : new JsonObject([.. byGrade.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.ToString("c", CultureInfo.InvariantCulture)))]),
        };
        context.Properties["task"] = task;
        var assignee = (string)task["assignee"]!;
        Record(context, task, "system", TimelineMessages.TaskOpened((string)task["title"]!, assignee, due),
            (string?)task["instructions"], Person(assignee, TimelineOutbox.Assigned));
        context.CreateBookmark(BookmarkNames.RunTask, taskId, (JsonObject)task.DeepClone());
        if (due is { } at)
        {
            context.CreateBookmark(DueBookmark, null, new JsonObject { ["taskId"] = taskId, ["dueAt"] = at }, at);
        }

        WaitForSignal(context);
    }

    /// <summary>Before publishing: the fixed title, outcomes, form fields, outcome labels and deadlines parse as they will when the task runs.</summary>
    public override IEnumerable<string> Check(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var problems = new List<string>();
        var title = node.Input("title");
        if (!title.IsSet || (title.TryGetFixedValue(out var fixedTitle) && string.IsNullOrWhiteSpace(ValueConverter.ToText(fixedTitle))))
        {
            problems.Add("input 'title': a task needs a title (shown in task lists).");
        }

        IReadOnlyList<string> outcomes = [Done, Escalated];
        if (node.Input("outcomes").TryGetFixedValue(out var fixedOutcomes) && ValueConverter.ToStringList(fixedOutcomes) is { Count: > 0 } chosen)
        {
            outcomes = chosen;
            problems.AddRange(chosen.Where(o => o is not Done and not Escalated).Select(o => $"input 'outcomes': outcome '{o}' is not {Done} or {Escalated}."));
        }

        CheckFixed(node, "formFields", problems, value => TaskForm.Parse(value));
        CheckFixed(node, "outcomeLabels", problems, value => TaskTexts.ParseOutcomeLabels(value, outcomes));
        CheckFixed(node, "dueByGrade", problems, value => DueByGrade(value));
        return problems;
    }

    private static void CheckFixed(ActivityNode node, string input, List<string> problems, Action<JsonNode?> parse)
    {
        if (!node.Input(input).TryGetFixedValue(out var value))
        {
            return;
        }

        try
        {
            parse(value);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException)
        {
            problems.Add($"input '{input}': {ex.Message.Replace("Emergency.HumanTask: ", string.Empty, StringComparison.Ordinal)}");
        }
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public override void OnResume(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bookmark);
        var task = (JsonObject)context.Properties["task"]!;
        if (bookmark.Name == DueBookmark)
        {
            Breach(context, task);
            return;
        }

        if (bookmark.Name == EmergencyBookmarks.IncidentSignal)
        {
            Regrade(context, task);
            WaitForSignal(context);
            return;
        }

        var input = context.GetRunInput(RunTask.ResultInputKey) as JsonObject;
        var by = (string?)input?["by"];
        var actor = (string?)input?["actor"] ?? by ?? "system";
        switch ((string?)input?["action"])
        {
            case ClaimAction:
                task["claimedBy"] = by;
                Record(context, task, actor, TimelineMessages.TaskClaimed((string)task["title"]!, by), null, (by ?? string.Empty, TimelineOutbox.Worked));
                Wait(context, task);
                return;
            case ReassignAction:
                var from = (string?)task["claimedBy"] ?? (string?)task["assignee"];
                var to = (string?)input!["to"];
                task["assignee"] = to;
                task["claimedBy"] = null;
                Record(context, task, actor, TimelineMessages.TaskReassigned((string)task["title"]!, from, to), (string?)input["reason"],
                    Person(to, TimelineOutbox.Assigned), (actor, TimelineOutbox.Worked));
                Wait(context, task);
                return;
            default:
                // A completion: through the tasks API ({action: complete, outcome, form, by}) or the engine's plain
                // RunTask completion (any result: it becomes the form, the outcome is Done).
                var outcome = (string?)input?["outcome"] is { } o && ((JsonArray)task["outcomes"]!).Any(x => (string?)x == o) ? o : Done;
                var form = (string?)input?["action"] == CompleteAction ? input!["form"]?.DeepClone() : input?.DeepClone();
                context.SetOutput("form", form);
                context.SetOutput("outcome", outcome);
                context.SetOutput("completedBy", by);
                Record(context, task, actor, TimelineMessages.TaskCompleted((string)task["title"]!, by, outcome),
                    form?.ToJsonString(), (by ?? string.Empty, TimelineOutbox.Worked));
                context.Complete([outcome]);
                return;
        }
    }

    /// <summary>The task's next timeline line, numbered per task so its outbox message id is unique and stable.</summary>
    private static void Record(ActivityExecutionContext context, JsonObject task, string actor, TimelineMessage message, string? detail,
        params (string Who, string Role)[] participants)
    {
        var sequence = ((int?)task["timelineEntries"] ?? 0) + 1;
        task["timelineEntries"] = sequence;
        TimelineOutbox.Add(context, string.Create(CultureInfo.InvariantCulture, $"{task["taskId"]}/{sequence}"), actor, TimelineKind.Task,
            message.WithTitleZh((string?)task["titleZh"]), detail, participants);
    }

    /// <summary>The assignee as a participant when it names a person (a member id or a user name), nobody for a role.</summary>
    private static (string Who, string Role) Person(string? assignee, string role) =>
        assignee is null || IsRole(assignee) ? (string.Empty, role) : (assignee, role);

    private static bool IsRole(string name)
    {
        var bare = name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return TeamRoles.All.Append("reporter")
            .Any(r => string.Equals(r.Replace("-", string.Empty, StringComparison.Ordinal), bare, StringComparison.OrdinalIgnoreCase));
    }

    private static void Wait(ActivityExecutionContext context, JsonObject task) =>
        context.CreateBookmark(BookmarkNames.RunTask, (string)task["taskId"]!, (JsonObject)task.DeepClone());

    private static void WaitForSignal(ActivityExecutionContext context) =>
        context.CreateBookmark(EmergencyBookmarks.IncidentSignal, context.Instance.Id, new JsonObject { ["signal"] = "Regraded" });

    /// <summary>Replaces the task's pending bookmark of <paramref name="name"/> (the open task, its due timer).</summary>
    private static void RemovePending(ActivityExecutionContext context, string name, Func<Bookmark, bool> match)
    {
        var pending = context.Instance.Bookmarks.FirstOrDefault(b => b.Name == name && b.ActivityInstanceId == context.Id && match(b));
        if (pending is not null)
        {
            context.Instance.Bookmarks.Remove(pending);
        }
    }

    /// <summary>After a regrade: the open task takes the new grade's deadline (dueByGrade) and escalation policy, on the timeline.</summary>
    private void Regrade(ActivityExecutionContext context, JsonObject task)
    {
        var grade = facts?.Find(IncidentRecord.IncidentIdOf(context.Instance))?.Grade;
        var previous = (int?)task["grade"];
        if (grade is not { } now || now == previous)
        {
            return;
        }

        task["grade"] = now;
        IncidentRecord.SetGrade(context, now, assessed: true);
        var taskId = (string)task["taskId"]!;
        var oldDue = task["due"]?.GetValue<DateTimeOffset>();
        DateTimeOffset? newDue = null;
        var detail = string.Create(CultureInfo.InvariantCulture, $"task {taskId}; overdue escalation follows policy {PolicyFor(now)?.Id ?? "team leads"}");
        if (task["dueByGrade"]?[now.ToString(CultureInfo.InvariantCulture)] is JsonValue v
            && TimeSpan.TryParse((string?)v, CultureInfo.InvariantCulture, out var span))
        {
            var due = task["createdAt"]!.GetValue<DateTimeOffset>() + span;
            task["due"] = due;
            newDue = due;
            RemovePending(context, DueBookmark, _ => true);
            if ((bool?)task["overdue"] != true)
            {
                var at = due > context.Now ? due : context.Now;
                context.CreateBookmark(DueBookmark, null, new JsonObject { ["taskId"] = taskId, ["dueAt"] = at }, at);
            }
        }

        RemovePending(context, BookmarkNames.RunTask, b => b.Key == taskId);
        Wait(context, task);
        TimelineOutbox.Add(context, $"task-regrade/{taskId}/{context.NewId()}", IncidentRecord.WorkflowActor, TimelineKind.Task,
            TimelineMessages.TaskRegraded((string)task["title"]!, previous, now, oldDue, newDue).WithTitleZh((string?)task["titleZh"]), detail);
        logger.LogInformation("Task {TaskId} of instance {InstanceId} regraded to Level {Grade}", taskId, context.Instance.Id, now);
    }

    private EscalationPolicy? PolicyFor(int? grade) => FirstResponders.PolicyFor(directory, grade);

    private static Dictionary<string, TimeSpan> DueByGrade(JsonNode? node)
    {
        node = JsonInput.Structured(node);

        var map = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (node is null)
        {
            return map;
        }

        if (node is not JsonObject o)
        {
            throw new InvalidOperationException("Emergency.HumanTask: dueByGrade must be a JSON object like {\"1\": \"04:00:00\"}.");
        }

        foreach (var (key, item) in o)
        {
            if (key is not ("1" or "2" or "3") || !TimeSpan.TryParse(item?.ToString(), CultureInfo.InvariantCulture, out var span) || span <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"Emergency.HumanTask: dueByGrade entry '{key}' must map grade 1, 2 or 3 to a positive duration.");
            }

            map[key] = span;
        }

        return map;
    }

    private static DateTimeOffset? Due(ActivityExecutionContext context)
    {
        var text = context.EvaluateText("due");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return context.Now + span;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new InvalidOperationException($"Emergency.HumanTask: due '{text}' is neither a positive duration nor a date and time.");
    }

    /// <summary>Records the breach once and notifies the team leads and the assignee; the task stays open.</summary>
    private void Breach(ActivityExecutionContext context, JsonObject task)
    {
        if ((bool?)task["overdue"] == true)
        {
            return;
        }

        task["overdue"] = true;
        task["breachedAt"] = context.Now;
        var taskId = (string)task["taskId"]!;
        var incidentId = context.Instance.Id;
        var grade = (int?)task["grade"] ?? IncidentRecord.CurrentGrade(context.Instance);
        var policy = PolicyFor(grade);
        var recipients = FirstResponders.Resolve(directory, policy, context.Now).MemberIds.ToList();

        var assignee = (string?)task["claimedBy"] ?? (string?)task["assignee"];
        // A deactivated assignee is not paged: the team leads (or the tier) above still hear of it.
        recipients.AddRange(assignee is null ? [] : directory.Roster.Contains(assignee)
            ? directory.Roster.IsActive(assignee) ? [assignee] : []
            : directory.Roster.WithRole(assignee).Select(m => m.Id));
        var subject = string.Create(CultureInfo.InvariantCulture,
            $"[Emergency] {context.Instance.CorrelationId ?? incidentId}: task \"{task["title"]}\" is overdue");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"The task \"{task["title"]}\" assigned to {assignee} was due at {task["due"]?.GetValue<DateTimeOffset>():u} and is not done.");
        var expiresAt = context.Now + links.Lifetime;
        var sent = 0;
        var notified = new List<string>();
        foreach (var recipientId in recipients.Distinct(StringComparer.Ordinal))
        {
            if (directory.Roster.Find(recipientId) is not { Active: true } member)
            {
                continue;
            }

            var ack = signer.CreateLink(links.BaseUrl, incidentId, recipientId, expiresAt);
            foreach (var channel in EscalationChannels.Select(Enum.Parse<NotificationChannel>).Where(c => NotificationComposer.Reaches(member, c)))
            {
                // Its own topic per task: apart from the escalation rounds and from every other task's notice.
                var notification = new Notification(incidentId, 0, 0, recipientId, channel, subject, text, ack, NotificationTopics.TaskOverdue(taskId));
                context.AddOutboxMessage(NotificationOutbox.Kind, NotificationOutbox.ToPayload(notification, incidentId),
                    NotificationOutbox.MessageId(notification));
                sent++;
            }

            notified.Add(recipientId);
        }

        context.AddOutboxMessage(OverdueKind, new JsonObject
        {
            ["taskId"] = taskId,
            ["title"] = task["title"]?.DeepClone(),
            ["titleZh"] = task["titleZh"]?.DeepClone(),
            ["assignee"] = assignee,
            ["due"] = task["due"]?.DeepClone(),
            ["notified"] = sent,
            ["grade"] = grade,
            ["policy"] = policy?.Id,

            // Whoever was told becomes a participant (and so may open the incident), like an escalation recipient.
            ["recipients"] = new JsonArray([.. notified.Select(r => JsonValue.Create(r))]),
        }, $"task-overdue/{taskId}");

        // The open task shows the breach too: wait again with the updated payload.
        RemovePending(context, BookmarkNames.RunTask, b => b.Key == taskId);

        Wait(context, task);
        logger.LogWarning("Task {TaskId} of instance {InstanceId} is overdue: {NotificationCount} escalation notification(s)",
            taskId, incidentId, sent);
    }
}
