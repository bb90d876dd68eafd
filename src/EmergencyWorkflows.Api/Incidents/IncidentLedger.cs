using System.Security.Claims;
using System.Text.Json;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Release;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.EntityFrameworkCore;
using IncidentRecord = EmergencyWorkflows.Persistence.Incidents.IncidentRecord;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Every change to an incident after intake: state transitions (IncidentLifecycle decides), responses
/// (acknowledge/arrive), assessment and regrading, and the four-eyes approvals for downgrading or closing a Level 1
/// incident. Each change and its timeline entries commit together; the version column refuses a stale update.
/// </summary>
internal sealed class IncidentLedger(
    IncidentWriter writer, IWorkflowRuntime runtime, IncidentSignals signals, IncidentIntake intake, TimeProvider time, ILogger<IncidentLedger> logger)
{
    /// <summary>The actor on the timeline of what the incident's workflow did (status moves, task notes).</summary>
    public const string WorkflowActor = Emergency.Activities.IncidentRecord.WorkflowActor;

    public const string Pending = "Pending";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string RegradeKind = "Regrade";
    public const string CloseKind = "Close";
    private const int MaxReasonLength = 4000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LedgerOutcome> TransitionAsync(string id, TransitionBody? body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.To) || !Enum.TryParse<IncidentStatus>(body.To, ignoreCase: true, out var to) || !Enum.IsDefined(to))
        {
            return LedgerOutcome.BadRequest("'to' must be one of: " + string.Join(", ", Enum.GetNames<IncidentStatus>()) + ".");
        }

        if (body.Reason is { Length: > MaxReasonLength })
        {
            return LedgerOutcome.BadRequest($"'reason' is longer than {MaxReasonLength} characters.");
        }

        if (to == IncidentStatus.Cancelled && string.IsNullOrWhiteSpace(body.Reason))
        {
            return LedgerOutcome.BadRequest("Cancelling an incident (a false alarm) needs a reason.");
        }

        var actor = user.UserNameOf() ?? "unknown";
        var outcome = await ChangeAsync(id, user, async (db, incident, now) =>
        {
            var from = Enum.Parse<IncidentStatus>(incident.Status);
            var grade = (IncidentGrade?)incident.Grade;
            if (IncidentLifecycle.WhyNot(from, to, grade) is { } why)
            {
                return LedgerOutcome.Conflict(why);
            }

            if (await ReleaseRules.WhyNotAsync(db, incident.Id, to, grade, cancellationToken) is { } release)
            {
                return LedgerOutcome.Conflict(release);
            }

            if (to == IncidentStatus.Closed && FourEyesRule.CloseNeedsApproval(grade))
            {
                var approval = NewApproval(incident.Id, CloseKind, null, null, body.Reason ?? "Close the incident.", actor, now);
                db.IncidentApprovals.Add(approval);
                AddEntry(db, incident.Id, now, actor, TimelineKind.Approval,
                    TimelineMessages.CloseRequested(), body.Reason);
                return LedgerOutcome.Pending(incident, approval,
                    "Closing a Level 1 incident needs a second team lead's approval; the request is recorded and nothing changed yet.");
            }

            Move(db, incident, from, to, actor, now, body.Reason);
            if (to == IncidentStatus.Cancelled)
            {
                incident.CancelReason = body.Reason!.Trim();
            }

            return LedgerOutcome.Ok(incident);
        }, cancellationToken);

        if (outcome.Kind == LedgerOutcomeKind.Ok && to == IncidentStatus.Cancelled)
        {
            // The false alarm stops its workflow too (timers, escalations); the incident row is the record of why.
            await runtime.CancelAsync(id, cancellationToken);
        }
        else if (outcome.Kind == LedgerOutcomeKind.Ok)
        {
            await AfterChangeAsync(id, outcome);
        }

        return outcome;
    }

    /// <summary>After an acknowledgement or arrival was committed on the workflow: who responded becomes a participant,
    /// the timeline shows it, and a Reported incident moves to Responding. Nothing happens for an instance that is not
    /// an incident (started through the engine API).</summary>
    public async Task RecordResponseAsync(string id, IncidentResponse response, string? recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        id = IncidentInstanceIds.IncidentOf(id);
        var now = time.GetUtcNow();
        var who = response.By ?? recordedBy ?? "unknown";
        await writer.WriteAsync(async (db, ct) =>
        {
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null)
            {
                return 0;
            }

            foreach (var identity in new[] { response.By, recordedBy }.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
            {
                if (!await db.IncidentParticipants.AnyAsync(p => p.IncidentId == id && p.Who == identity && p.Role == "Responded", ct))
                {
                    db.IncidentParticipants.Add(new IncidentParticipantRecord { IncidentId = id, Who = identity!, Role = "Responded", Since = now });
                }
            }

            AddEntry(db, id, now, who, TimelineKind.Signal, TimelineMessages.Responded(response.Kind == ResponseKind.Acknowledge, who, response.Via), response.Note);
            var from = Enum.Parse<IncidentStatus>(incident.Status);
            if (from == IncidentStatus.Reported)
            {
                // No reason on the move: the response line just written says why (in the reader's language on a page).
                Move(db, incident, from, IncidentStatus.Responding, who, now, null);
            }
            else
            {
                Touch(incident, now);
            }

            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>An event raised on an incident's workflow through the engine API (a signal), after the workflow committed
    /// it: who raised which event. The payload stays out (it may hold personal data). Nothing for an instance that is no incident.</summary>
    public async Task RecordSignalAsync(string id, string actor, string eventName, CancellationToken cancellationToken)
    {
        id = IncidentInstanceIds.IncidentOf(id);
        var now = time.GetUtcNow();
        await writer.WriteAsync(async (db, ct) =>
        {
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null)
            {
                return 0;
            }

            AddEntry(db, id, now, actor, TimelineKind.Signal, TimelineMessages.SignalRaised(eventName, actor), null);
            incident.UpdatedAt = now;
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>A system line (e.g. an overdue task) from an outbox message: written once per <paramref name="sourceId"/>
    /// (stored under a unique index), so a redelivered message changes nothing. Nothing for an instance that is no incident.
    /// The <paramref name="notified"/> people (member ids) become participants in the same transaction.</summary>
    public async Task RecordSystemAsync(string id, TimelineKind kind, TimelineMessage message, string? detail, string sourceId,
        IReadOnlyCollection<string>? notified, CancellationToken cancellationToken)
    {
        id = IncidentInstanceIds.IncidentOf(id);
        var now = time.GetUtcNow();
        await writer.WriteAsync(async (db, ct) =>
        {
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null || await db.IncidentTimeline.AnyAsync(t => t.SourceId == sourceId, ct))
            {
                return 0;
            }

            foreach (var who in (notified ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Distinct(StringComparer.Ordinal))
            {
                if (!await db.IncidentParticipants.AnyAsync(p => p.IncidentId == id && p.Who == who && p.Role == TimelineOutbox.Notified, ct))
                {
                    db.IncidentParticipants.Add(new IncidentParticipantRecord { IncidentId = id, Who = who, Role = TimelineOutbox.Notified, Since = now });
                }
            }

            var entry = IncidentTimelineRecord.Of(id, now, "system", kind, message, detail);
            entry.SourceId = sourceId;
            db.IncidentTimeline.Add(entry);
            incident.UpdatedAt = now;
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    public async Task<LedgerOutcome> AssessAsync(string id, AssessmentBody? body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body?.Grade is not (1 or 2 or 3))
        {
            return LedgerOutcome.BadRequest("'grade' must be 1 (major), 2 (serious) or 3 (general).");
        }

        var methods = AssessmentMethod.None;
        foreach (var name in body.Methods ?? [])
        {
            if (!Enum.TryParse<AssessmentMethod>(name?.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var method)
                || method == AssessmentMethod.None || !Enum.IsDefined(method))
            {
                return LedgerOutcome.BadRequest($"Unknown assessment method '{name}'; use OnSiteInspection, Data or EmployeeFeedback.");
            }

            methods |= method;
        }

        if (body.Evidence is { Length: > MaxReasonLength } || body.Reason is { Length: > MaxReasonLength })
        {
            return LedgerOutcome.BadRequest($"'evidence' and 'reason' are limited to {MaxReasonLength} characters.");
        }

        var actor = user.UserNameOf() ?? "unknown";
        var grade = (IncidentGrade)body.Grade.Value;
        var assessment = new Assessment(grade, methods, body.Evidence ?? string.Empty, actor, time.GetUtcNow());
        if (assessment.WhyIncomplete() is { } incomplete)
        {
            return LedgerOutcome.BadRequest(incomplete);
        }

        var assessmentJson = JsonSerializer.Serialize(new
        {
            grade = (int)grade,
            methods = methods.ToString(),
            evidence = assessment.Evidence,
            assessedBy = actor,
            assessedAt = assessment.AssessedAt,
        }, Json);

        var assessed = await ChangeAsync(id, user, (db, incident, now) =>
        {
            var from = Enum.Parse<IncidentStatus>(incident.Status);
            if (incident.Grade is not { } current)
            {
                if (IncidentLifecycle.WhyNot(from, IncidentStatus.Assessed, null) is { } why)
                {
                    return from == IncidentStatus.Reported
                        ? LedgerOutcome.Conflict("The incident has not been responded to yet; acknowledge it or record the arrival before assessing it.", "Assess.NotResponded")
                        : LedgerOutcome.Conflict(why);
                }

                incident.Grade = (int)grade;
                incident.AssessmentJson = assessmentJson;
                AddEntry(db, id, now, actor, TimelineKind.Assessment,
                    TimelineMessages.Assessed((int)grade, methods, incident.SuggestedGrade), assessment.Evidence);
                Move(db, incident, from, IncidentStatus.Assessed, actor, now, null);
                return LedgerOutcome.Ok(incident);
            }

            if (!IncidentLifecycle.IsOpen(from) || from is IncidentStatus.Reviewed)
            {
                return LedgerOutcome.Conflict($"The incident is {from}; its grade can no longer change.", "Assess.GradeFixed");
            }

            if (string.IsNullOrWhiteSpace(body.Reason))
            {
                return LedgerOutcome.BadRequest($"The incident is already graded Level {current}; regrading needs a reason.", "Assess.RegradeNeedsReason");
            }

            if (FourEyesRule.RegradeNeedsApproval((IncidentGrade)current, grade))
            {
                var approval = NewApproval(id, RegradeKind, (int)grade, assessmentJson, body.Reason, actor, now);
                db.IncidentApprovals.Add(approval);
                AddEntry(db, id, now, actor, TimelineKind.Approval,
                    TimelineMessages.DowngradeRequested(current, (int)grade), body.Reason);
                return LedgerOutcome.Pending(incident, approval,
                    "Downgrading a Level 1 incident needs a second team lead's approval; the request is recorded and the grade is unchanged.");
            }

            incident.Grade = (int)grade;
            incident.AssessmentJson = assessmentJson;
            AddEntry(db, id, now, actor, TimelineKind.Edit, TimelineMessages.Regraded(current, (int)grade), body.Reason);
            Touch(incident, now);
            return LedgerOutcome.Ok(incident);
        }, cancellationToken);

        // The workflow waits for the grade (assessment) or re-times what is pending (regrade): wake it once committed.
        if (assessed.Kind == LedgerOutcomeKind.Ok)
        {
            await signals.WakeAsync(id, CancellationToken.None);
        }

        return assessed;
    }

    public async Task<LedgerOutcome> DecideAsync(string id, string approvalId, ApprovalBody? body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = user.UserNameOf() ?? "unknown";
        var approve = body?.Approve ?? true;
        if (body?.Note is { Length: > MaxReasonLength })
        {
            return LedgerOutcome.BadRequest($"'note' is longer than {MaxReasonLength} characters.");
        }

        var decided = await ChangeAsync(id, user, async (db, incident, now) =>
        {
            var approval = await db.IncidentApprovals.SingleOrDefaultAsync(a => a.Id == approvalId && a.IncidentId == id);
            if (approval is null)
            {
                return LedgerOutcome.NotFound($"Incident '{id}' has no approval request '{approvalId}'.");
            }

            if (FourEyesRule.WhyApprovalInvalid(approval.RequestedBy, actor, user.IsInRole(AuthRoles.TeamLead)) is { } invalid)
            {
                return LedgerOutcome.Forbidden(invalid);
            }

            if (approval.State != Pending)
            {
                return LedgerOutcome.Conflict($"This request was already {approval.State.ToLowerInvariant()} by {approval.DecidedBy}.", "Approval.AlreadyDecided");
            }

            approval.DecidedBy = actor;
            approval.DecidedAt = now;
            approval.DecisionNote = body?.Note;
            if (!approve)
            {
                approval.State = Rejected;
                AddEntry(db, id, now, actor, TimelineKind.Approval, Decided(approval, approved: false), body?.Note);
                Touch(incident, now);
                return LedgerOutcome.Ok(incident);
            }

            var from = Enum.Parse<IncidentStatus>(incident.Status);
            if (approval.Kind == CloseKind)
            {
                if (IncidentLifecycle.WhyNot(from, IncidentStatus.Closed, (IncidentGrade?)incident.Grade) is { } why)
                {
                    return LedgerOutcome.Conflict($"The close cannot be applied any more: {why}");
                }

                approval.State = Approved;
                AddEntry(db, id, now, actor, TimelineKind.Approval, Decided(approval, approved: true), body?.Note);
                Move(db, incident, from, IncidentStatus.Closed, actor, now, approval.Reason);
                return LedgerOutcome.Ok(incident);
            }

            if (!IncidentLifecycle.IsOpen(from))
            {
                return LedgerOutcome.Conflict($"The incident is {from}; its grade can no longer change.");
            }

            approval.State = Approved;
            AddEntry(db, id, now, actor, TimelineKind.Approval, Decided(approval, approved: true), body?.Note);
            AddEntry(db, id, now, actor, TimelineKind.Edit, TimelineMessages.Regraded(incident.Grade, approval.ProposedGrade), approval.Reason);
            incident.Grade = approval.ProposedGrade;
            incident.AssessmentJson = approval.ProposedAssessmentJson;
            Touch(incident, now);
            return LedgerOutcome.Ok(incident);
        }, cancellationToken);

        if (decided.Kind == LedgerOutcomeKind.Ok)
        {
            await AfterChangeAsync(id, decided);
        }

        return decided;
    }

    /// <summary>
    /// Re-categorises a report of unknown category (plan §3.1: the team triages it): the category, the workflow it runs
    /// and the timeline entry commit together (durable), then the triage workflow is cancelled and the category's latest
    /// published workflow starts for the same incident (the start-up sweep finishes the job if the process dies between).
    /// </summary>
    public async Task<LedgerOutcome> RecategoriseAsync(string id, CategoryBody? body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.Category) || !IncidentCategoryKeys.TryParse(body.Category, out var category))
        {
            return LedgerOutcome.BadRequest($"'category' must be one of {IncidentCategoryKeys.PersonnelSafety}, " +
                $"{IncidentCategoryKeys.ServiceInterruption}, {IncidentCategoryKeys.ComplaintDispute}.");
        }

        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > MaxReasonLength)
        {
            return LedgerOutcome.BadRequest($"'reason' is required (why this category) and at most {MaxReasonLength} characters.");
        }

        var actor = user.UserNameOf() ?? "unknown";
        var key = category.ToKey();
        var outcome = await ChangeAsync(id, user, (db, incident, now) =>
        {
            var status = Enum.Parse<IncidentStatus>(incident.Status);
            if (!IncidentLifecycle.IsOpen(status))
            {
                return LedgerOutcome.Conflict($"The incident is {status}; it can no longer be re-categorised.");
            }

            if (incident.Category is not null)
            {
                return LedgerOutcome.Conflict(
                    $"The incident is already categorised as {incident.Category}; only a report of unknown category (in triage) is re-categorised.");
            }

            incident.Category = key;
            incident.DefinitionId = key;
            incident.WorkflowStarted = false;
            AddEntry(db, id, now, actor, TimelineKind.Edit,
                TimelineMessages.Recategorised(key), body.Reason);
            Touch(incident, now);
            return LedgerOutcome.Ok(incident);
        }, cancellationToken);

        if (outcome.Kind == LedgerOutcomeKind.Ok)
        {
            outcome.Incident!.WorkflowStarted = await intake.StartWorkflowAsync(outcome.Incident, CancellationToken.None);
        }

        return outcome;
    }

    /// <summary>Wakes the workflow's waiting steps after a committed change; a closed incident whose workflow still runs
    /// (closed by hand before every task was done) stops it, on the timeline.</summary>
    private async Task AfterChangeAsync(string id, LedgerOutcome outcome)
    {
        await signals.WakeAsync(id, CancellationToken.None);
        if (outcome.Incident?.Status != nameof(IncidentStatus.Closed) || await signals.StopAsync(id, CancellationToken.None) == 0)
        {
            return;
        }

        await writer.WriteAsync(async (db, ct) =>
        {
            AddEntry(db, id, time.GetUtcNow(), WorkflowActor, TimelineKind.Transition,
                TimelineMessages.WorkflowStoppedAtClose(), null);
            return await db.SaveChangesAsync(ct);
        }, CancellationToken.None);
    }

    /// <summary>
    /// A move the incident's workflow asked for (<c>Emergency.SetIncidentStatus</c>, delivered from the outbox at least
    /// once): applied through the same lifecycle and release rules and timeline as a person's move. A status the
    /// incident already has or has passed (moved by hand, or a redelivery) changes nothing; a move the rules refuse is
    /// recorded once on the timeline with the reason and not forced.
    /// </summary>
    public async Task ApplyWorkflowStatusAsync(string id, string status, string? reason, string? activity, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<IncidentStatus>(status, out var to) || !Enum.IsDefined(to))
        {
            logger.LogWarning("Incident {IncidentId}: the workflow asked for unknown status {Status}; ignored", id, status);
            return;
        }

        var moved = await writer.WriteAsync(async (db, ct) =>
        {
            var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null)
            {
                return false;
            }

            var from = Enum.Parse<IncidentStatus>(incident.Status);
            if (from >= to || from == IncidentStatus.Cancelled)
            {
                logger.LogDebug("Incident {IncidentId} is {From}; the workflow's move to {To} is already done", id, from, to);
                return false;
            }

            var grade = (IncidentGrade?)incident.Grade;
            if ((IncidentLifecycle.WhyNot(from, to, grade) ?? await ReleaseRules.WhyNotAsync(db, id, to, grade, ct)) is { } why)
            {
                var refused = TimelineMessages.WorkflowMoveRefused(from, to, why);
                var kind = TimelineKind.Transition.ToString();
                if (!await db.IncidentTimeline.AnyAsync(t => t.IncidentId == id && t.Kind == kind && t.Summary == refused.English, ct))
                {
                    AddEntry(db, id, time.GetUtcNow(), WorkflowActor, TimelineKind.Transition, refused, activity);
                    await db.SaveChangesAsync(ct);
                }

                logger.LogWarning("Incident {IncidentId}: the workflow's move {From} → {To} was refused: {Reason}", id, from, to, why);
                return false;
            }

            Move(db, incident, from, to, WorkflowActor, time.GetUtcNow(), reason);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Incident {IncidentId}: {From} → {To} by its workflow ({Activity})", id, from, to, activity);
            return true;
        }, cancellationToken);

        if (moved)
        {
            await signals.WakeAsync(id, cancellationToken);
        }
    }

    private async Task<LedgerOutcome> ChangeAsync(
        string id, ClaimsPrincipal user, Func<WorkflowsDbContext, IncidentRecord, DateTimeOffset, LedgerOutcome> change, CancellationToken cancellationToken) =>
        await ChangeAsync(id, user, (db, incident, now) => Task.FromResult(change(db, incident, now)), cancellationToken);

    private async Task<LedgerOutcome> ChangeAsync(
        string id, ClaimsPrincipal user, Func<WorkflowsDbContext, IncidentRecord, DateTimeOffset, Task<LedgerOutcome>> change, CancellationToken cancellationToken)
    {
        try
        {
            return await writer.WriteAsync(async (db, ct) =>
            {
                var incident = await IncidentAccess.Visible(db, user).SingleOrDefaultAsync(i => i.Id == id, ct);
                if (incident is null)
                {
                    return LedgerOutcome.NotFound(IncidentAccess.NotFound(id));
                }

                var outcome = await change(db, incident, time.GetUtcNow());
                if (outcome.Kind is LedgerOutcomeKind.Ok or LedgerOutcomeKind.Pending)
                {
                    await db.SaveChangesAsync(ct);
                    logger.LogInformation("Incident {IncidentId}: {Outcome}, now {Status}", id, outcome.Kind, incident.Status);
                }

                return outcome;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return LedgerOutcome.Conflict($"Incident '{id}' was changed by someone else meanwhile; read it again and retry.", "ChangedMeanwhile");
        }
    }

    internal static void Move(WorkflowsDbContext db, IncidentRecord incident, IncidentStatus from, IncidentStatus to, string actor, DateTimeOffset now, string? reason)
    {
        incident.Status = to.ToString();
        Touch(incident, now);
        AddEntry(db, incident.Id, now, actor, TimelineKind.Transition, TimelineMessages.StatusMoved(from, to), reason);
    }

    internal static void Touch(IncidentRecord incident, DateTimeOffset now)
    {
        incident.UpdatedAt = now;
        incident.Version++;
    }

    internal static void AddEntry(WorkflowsDbContext db, string id, DateTimeOffset at, string actor, TimelineKind kind, TimelineMessage message, string? detail) =>
        db.IncidentTimeline.Add(IncidentTimelineRecord.Of(id, at, actor, kind, message, detail));

    private static IncidentApprovalRecord NewApproval(
        string incidentId, string kind, int? grade, string? assessmentJson, string reason, string actor, DateTimeOffset now) => new()
        {
            Id = Guid.NewGuid().ToString("N"),
            IncidentId = incidentId,
            Kind = kind,
            ProposedGrade = grade,
            ProposedAssessmentJson = assessmentJson,
            Reason = reason.Trim(),
            RequestedBy = actor,
            RequestedAt = now,
            State = Pending,
        };

    private static TimelineMessage Decided(IncidentApprovalRecord approval, bool approved) =>
        TimelineMessages.Decided(approval.Kind == CloseKind, approval.ProposedGrade, approved, approval.RequestedBy);
}

internal enum LedgerOutcomeKind
{
    Ok,
    Pending,
    BadRequest,
    Forbidden,
    NotFound,
    Conflict,
}

/// <param name="Code">A stable code of a refusal's <paramref name="Message"/> (English), for pages to say it in their
/// reader's language (resource key <c>ApiError.</c> + the code); null when the message has none.</param>
internal sealed record LedgerOutcome(LedgerOutcomeKind Kind, string? Message, IncidentRecord? Incident, IncidentApprovalRecord? Approval, string? Code = null)
{
    public static LedgerOutcome Ok(IncidentRecord incident) => new(LedgerOutcomeKind.Ok, null, incident, null);

    public static LedgerOutcome Pending(IncidentRecord incident, IncidentApprovalRecord approval, string message) =>
        new(LedgerOutcomeKind.Pending, message, incident, approval);

    public static LedgerOutcome BadRequest(string message, string? code = null) => new(LedgerOutcomeKind.BadRequest, message, null, null, code);

    public static LedgerOutcome Forbidden(string message) => new(LedgerOutcomeKind.Forbidden, message, null, null);

    public static LedgerOutcome NotFound(string message) => new(LedgerOutcomeKind.NotFound, message, null, null);

    public static LedgerOutcome Conflict(string message, string? code = null) => new(LedgerOutcomeKind.Conflict, message, null, null, code);
}
