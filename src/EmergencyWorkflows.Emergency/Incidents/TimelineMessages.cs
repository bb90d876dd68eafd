using System.Globalization;

namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>
/// Every sentence written on an incident's timeline: its key (a page's resource key is <c>Line.</c> + the key), its
/// arguments and its English text. Writers call one of these instead of writing a sentence, so a new line cannot
/// miss its key; a test reads the keys off this file (each is the literal first argument of <c>Of</c>) and checks that
/// each has an English and a Chinese page text.
/// </summary>
public static class TimelineMessages
{
    public static TimelineMessage Reported(string channel, string? category) => category is null
        ? Of("Reported.Unknown", $"Reported via {channel}; category unknown, the emergency team triages it.", ("via", channel))
        : Of("Reported.Categorised", $"Reported via {channel} as {category}.", ("via", channel), ("category", category));

    public static TimelineMessage StatusMoved(IncidentStatus from, IncidentStatus to) =>
        Of("Status.Moved", $"{from} → {to}.", ("fromStatus", from.ToString()), ("toStatus", to.ToString()));

    public static TimelineMessage WorkflowMoveRefused(IncidentStatus from, IncidentStatus to, string why) =>
        Of("Workflow.MoveRefused", $"The workflow could not move the incident from {from} to {to}: {why}",
            ("fromStatus", from.ToString()), ("toStatus", to.ToString()), ("reason", why));

    public static TimelineMessage WorkflowStoppedAtClose() =>
        Of("Workflow.StoppedAtClose", "The workflow was stopped: the incident was closed before its task list finished.");

    public static TimelineMessage Responded(bool acknowledged, string who, string via) => acknowledged
        ? Of("Response.Acknowledged", $"Acknowledged (remote response started) by {who} via {via}.", ("who", who), ("responseVia", via))
        : Of("Response.Arrived", $"Arrived on site by {who} via {via}.", ("who", who), ("responseVia", via));

    public static TimelineMessage SignalRaised(string eventName, string actor) =>
        Of("Signal.Raised", $"Event '{eventName}' raised by {actor}.", ("event", eventName), ("who", actor));

    public static TimelineMessage Assessed(int grade, AssessmentMethod methods, int? suggested) =>
        Of("Assessment.Assessed", $"Assessed as Level {grade} by {methods} (suggested Level {suggested}).",
            ("grade", Number(grade)), ("methods", methods.ToString()), ("suggestedGrade", Number(suggested)));

    public static TimelineMessage Regraded(int? from, int? to) =>
        Of("Assessment.Regraded", $"Regraded from Level {from} to Level {to}.", ("fromGrade", Number(from)), ("toGrade", Number(to)));

    public static TimelineMessage Recategorised(string category) =>
        Of("Edit.Recategorised", $"Re-categorised from unknown to {category}: the triage workflow stops and the {category} workflow starts.",
            ("category", category));

    public static TimelineMessage CloseRequested() =>
        Of("Approval.CloseRequested", "Closing this Level 1 incident was requested; a second team lead must approve.");

    public static TimelineMessage DowngradeRequested(int from, int to) =>
        Of("Approval.DowngradeRequested", $"Downgrade from Level {from} to Level {to} requested; a second team lead must approve.",
            ("fromGrade", Number(from)), ("toGrade", Number(to)));

    /// <param name="toGrade">The proposed grade of a downgrade; null for a close.</param>
    public static TimelineMessage Decided(bool close, int? toGrade, bool approved, string requestedBy)
    {
        var args = new (string, string?)[] { ("toGrade", Number(toGrade)), ("requestedBy", requestedBy) };
        return (close, approved) switch
        {
            (true, true) => Of("Approval.CloseApproved", $"Closing the Level 1 incident approved (requested by {requestedBy}).", args),
            (true, false) => Of("Approval.CloseRejected", $"Closing the Level 1 incident rejected (requested by {requestedBy}).", args),
            (false, true) => Of("Approval.DowngradeApproved", $"Downgrade to Level {toGrade} approved (requested by {requestedBy}).", args),
            (false, false) => Of("Approval.DowngradeRejected", $"Downgrade to Level {toGrade} rejected (requested by {requestedBy}).", args),
        };
    }

    public static TimelineMessage TaskOpened(string title, string assignee, DateTimeOffset? due) => due is { } d
        ? Of("Task.OpenedDue", string.Create(CultureInfo.InvariantCulture, $"Task \"{title}\" opened for {assignee}, due {d:u}."),
            ("title", title), ("assignee", assignee), ("due", TimelineMessage.Instant(d)))
        : Of("Task.Opened", $"Task \"{title}\" opened for {assignee}.", ("title", title), ("assignee", assignee));

    public static TimelineMessage TaskClaimed(string title, string? by) =>
        Of("Task.Claimed", $"Task \"{title}\" claimed by {by}.", ("title", title), ("who", by));

    public static TimelineMessage TaskReassigned(string title, string? from, string? to) =>
        Of("Task.Reassigned", $"Task \"{title}\" reassigned from {from} to {to}.", ("title", title), ("fromWho", from), ("toWho", to));

    public static TimelineMessage TaskCompleted(string title, string? by, string outcome) => by is null
        ? Of("Task.CompletedByEngine", $"Task \"{title}\" completed by the engine API: {outcome}.", ("title", title), ("outcome", outcome))
        : Of("Task.Completed", $"Task \"{title}\" completed by {by}: {outcome}.", ("title", title), ("who", by), ("outcome", outcome));

    public static TimelineMessage TaskOverdue(string? title, DateTimeOffset? due, string? assignee, int notified) =>
        Of("Task.Overdue", string.Create(CultureInfo.InvariantCulture,
                $"Task \"{title}\" is overdue (due {due:u}, assigned to {assignee}); {notified} escalation notification(s) sent."),
            ("title", title), ("due", due is { } d ? TimelineMessage.Instant(d) : null), ("assignee", assignee), ("count", Number(notified)));

    public static TimelineMessage TaskRegraded(string title, int? from, int to, DateTimeOffset? oldDue, DateTimeOffset? newDue)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Task \"{title}\" follows the new grade (Level {from?.ToString(CultureInfo.InvariantCulture) ?? "?"} → Level {to})");
        return newDue is { } d
            ? Of("Task.RegradedDue", text + string.Create(CultureInfo.InvariantCulture, $": due {oldDue:u} → {d:u}."),
                ("title", title), ("fromGrade", Number(from)), ("toGrade", Number(to)),
                ("oldDue", oldDue is { } o ? TimelineMessage.Instant(o) : null), ("newDue", TimelineMessage.Instant(d)))
            : Of("Task.Regraded", text + ".", ("title", title), ("fromGrade", Number(from)), ("toGrade", Number(to)));
    }

    public static TimelineMessage EscalationReached(int tier, int round, int notifications, IReadOnlyCollection<string> reached)
    {
        var args = new (string, string?)[] { ("tier", Number(tier)), ("round", Number(round)), ("count", Number(notifications)), ("recipients", string.Join(", ", reached)) };
        return reached.Count == 0
            ? Of("Escalation.ReachedNobody", string.Create(CultureInfo.InvariantCulture,
                $"Escalation tier {tier} reached (round {round}): {notifications} notification(s) to nobody reachable."), args)
            : Of("Escalation.Reached", string.Create(CultureInfo.InvariantCulture,
                $"Escalation tier {tier} reached (round {round}): {notifications} notification(s) to {string.Join(", ", reached)}."), args);
    }

    /// <summary>Who was paged when the report arrived (tier 0): the on-call people, else the team leads, else nobody.</summary>
    public static TimelineMessage PagedAtReport(bool onCall, IReadOnlyCollection<string> paged, int notifications, string policy)
    {
        var args = new (string, string?)[] { ("recipients", string.Join(", ", paged)), ("count", Number(notifications)), ("policy", policy) };
        return (onCall, paged.Count) switch
        {
            (true, > 0) => Of("Paged.OnCall", string.Create(CultureInfo.InvariantCulture,
                $"Paged at report (tier 0): {string.Join(", ", paged)} on call; {notifications} notification(s)."), args),
            (false, > 0) => Of("Paged.LeadsInstead", string.Create(CultureInfo.InvariantCulture,
                $"Nobody is on call right now (the first tier of policy {policy} resolves to nobody): the team leads were paged instead: {string.Join(", ", paged)}; {notifications} notification(s)."), args),
            _ => Of("Paged.Nobody",
                $"Nobody was paged: nobody is on call right now (the first tier of policy {policy} resolves to nobody) and the roster has no team lead. Call the emergency team.", args),
        };
    }

    public static TimelineMessage NotificationSent(string topic, string recipient, string channel, string subject) =>
        Of("Notification.Sent", $"Notification ({topic}) sent to {recipient} via {channel}: {subject}",
            ("topic", topic), ("recipient", recipient), ("channel", channel), ("subject", subject));

    public static TimelineMessage NotificationFailed(string topic, string recipient, string channel, int attempts) =>
        Of("Notification.Failed", string.Create(CultureInfo.InvariantCulture,
                $"Notification ({topic}) to {recipient} via {channel} failed for good after {attempts} attempt(s)."),
            ("topic", topic), ("recipient", recipient), ("channel", channel), ("count", Number(attempts)));

    public static TimelineMessage AnnouncementPublished(bool progressUpdate, long number, string channels, string title) =>
        progressUpdate
            ? Of("Announcement.ProgressUpdate", string.Create(CultureInfo.InvariantCulture, $"Progress update #{number} published via {channels}: {title}"),
                ("number", number.ToString(CultureInfo.InvariantCulture)), ("channels", channels), ("title", title))
            : Of("Announcement.Published", string.Create(CultureInfo.InvariantCulture, $"Announcement #{number} published via {channels}: {title}"),
                ("number", number.ToString(CultureInfo.InvariantCulture)), ("channels", channels), ("title", title));

    public static TimelineMessage ReviewRecorded(int actions) =>
        Of("Review.Recorded", string.Create(CultureInfo.InvariantCulture, $"Review recorded with {actions} improvement action(s)."), ("count", Number(actions)));

    public static TimelineMessage ActionAssigned(string title, string owner, DateTimeOffset due) =>
        Of("Review.ActionAssigned", string.Create(CultureInfo.InvariantCulture, $"Improvement action '{title}' assigned to {owner}, due {due:yyyy-MM-dd HH:mm} UTC."),
            ("title", title), ("who", owner), ("due", TimelineMessage.Instant(due)));

    public static TimelineMessage ActionDone(string title) =>
        Of("Review.ActionDone", $"Improvement action '{title}' done.", ("title", title));

    public static TimelineMessage ActionReminder(string owner, string title) =>
        Of("Review.ActionReminder", $"Reminder sent to {owner}: improvement action '{title}' is overdue.", ("who", owner), ("title", title));

    public static TimelineMessage Feedback(bool first, int satisfaction) => first
        ? Of("Feedback.Given", string.Create(CultureInfo.InvariantCulture, $"The reporter gave feedback: satisfaction {satisfaction}/5."), ("score", Number(satisfaction)))
        : Of("Feedback.Updated", string.Create(CultureInfo.InvariantCulture, $"The reporter updated their feedback: satisfaction {satisfaction}/5."), ("score", Number(satisfaction)));

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static TimelineMessage Of(string key, string english, params (string Name, string? Value)[] args) =>
        new(key, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal), english);
}
