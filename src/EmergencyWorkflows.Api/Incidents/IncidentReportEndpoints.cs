using System.Security.Claims;
using System.Text.Json;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Feedback;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>The handlers behind the incident routes mapped in <see cref="IncidentEndpoints"/>: report, list, read,
/// transitions, assessment, four-eyes approvals.</summary>
internal static class IncidentReportEndpoints
{
    private const int MaxListed = 200;

    public static async Task<Results<Created<IncidentView>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        ReportBody? body, ClaimsPrincipal user, IncidentIntake intake, IDbContextFactory<WorkflowsDbContext> contexts,
        IWorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Problems.BadRequest("The report is missing: send a JSON object with occurredAt, location, initialSituation, reporter, channel.");
        }

        var result = await intake.ReportAsync(body, user, cancellationToken);
        if (result.Errors is { } errors)
        {
            // 'errors' holds the English sentences; 'errorCodes' the same problems by stable code (pages translate them).
            return TypedResults.ValidationProblem(
                errors.ToDictionary(e => e.Key, e => e.Value.Select(x => x.Message).ToArray(), StringComparer.Ordinal),
                detail: "The report has errors (see 'errors'); nothing was recorded.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { [FieldErrors.CodesExtension] = errors });
        }

        var view = await LoadViewAsync(contexts, instances, result.Incident!, cancellationToken);
        return TypedResults.Created($"/api/incidents/{view.Id}", view);
    }

    public static async Task<Ok<IReadOnlyList<IncidentSummary>>> ListAsync(
        string? status, ClaimsPrincipal user, IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = IncidentAccess.Readable(db, user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status) && Enum.TryParse<IncidentStatus>(status, ignoreCase: true, out var wanted))
        {
            var name = wanted.ToString();
            query = query.Where(i => i.Status == name);
        }

        var records = await query.OrderByDescending(i => i.CreatedAt).Take(MaxListed).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<IncidentSummary>>(records.Select(IncidentSummary.Of).ToList());
    }

    public static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IDbContextFactory<WorkflowsDbContext> contexts, IWorkflowInstanceStore instances,
        CancellationToken cancellationToken)
    {
        IncidentRecord? incident;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            incident = await IncidentAccess.Readable(db, user).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        }

        return incident is null
            ? Problems.NotFound(IncidentAccess.NotFound(id))
            : TypedResults.Ok(await LoadViewAsync(contexts, instances, incident, cancellationToken));
    }

    public static async Task<IResult> TransitionAsync(
        string id, TransitionBody? body, ClaimsPrincipal user, IncidentLedger ledger, IDbContextFactory<WorkflowsDbContext> contexts,
        IWorkflowInstanceStore instances, CancellationToken cancellationToken) =>
        await AnswerAsync(await ledger.TransitionAsync(id, body, user, cancellationToken), contexts, instances, cancellationToken);

    public static async Task<IResult> AssessAsync(
        string id, AssessmentBody? body, ClaimsPrincipal user, IncidentLedger ledger, IDbContextFactory<WorkflowsDbContext> contexts,
        IWorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        if (!IncidentAccess.MayAssess(user))
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "Only a team lead or a department head records an assessment or a grade.");
        }

        return await AnswerAsync(await ledger.AssessAsync(id, body, user, cancellationToken), contexts, instances, cancellationToken);
    }

    /// <summary>A report of unknown category gets its category (a responder working on it or the team): 400/404/409 with
    /// the reason; the category's workflow runs when this answers.</summary>
    public static async Task<IResult> RecategoriseAsync(
        string id, CategoryBody? body, ClaimsPrincipal user, IncidentLedger ledger, IDbContextFactory<WorkflowsDbContext> contexts,
        IWorkflowInstanceStore instances, CancellationToken cancellationToken) =>
        await AnswerAsync(await ledger.RecategoriseAsync(id, body, user, cancellationToken), contexts, instances, cancellationToken);

    public static async Task<IResult> DecideAsync(
        string id, string approvalId, ApprovalBody? body, ClaimsPrincipal user, IncidentLedger ledger,
        IDbContextFactory<WorkflowsDbContext> contexts, IWorkflowInstanceStore instances, CancellationToken cancellationToken) =>
        await AnswerAsync(await ledger.DecideAsync(id, approvalId, body, user, cancellationToken), contexts, instances, cancellationToken);

    private static async Task<IResult> AnswerAsync(
        LedgerOutcome outcome, IDbContextFactory<WorkflowsDbContext> contexts, IWorkflowInstanceStore instances, CancellationToken cancellationToken) =>
        outcome.Kind switch
        {
            LedgerOutcomeKind.Ok => TypedResults.Ok(await LoadViewAsync(contexts, instances, outcome.Incident!, cancellationToken)),
            LedgerOutcomeKind.Pending => TypedResults.Accepted(
                $"/api/incidents/{outcome.Incident!.Id}", new PendingApprovalAnswer(outcome.Message!, ApprovalView.Of(outcome.Approval!))),
            LedgerOutcomeKind.BadRequest => Problems.BadRequest(outcome.Message!),
            LedgerOutcomeKind.Forbidden => Problems.Result(StatusCodes.Status403Forbidden, outcome.Message!),
            LedgerOutcomeKind.NotFound => Problems.NotFound(outcome.Message!),
            _ => Problems.Conflict(outcome.Message!),
        };

    private static async Task<IncidentView> LoadViewAsync(
        IDbContextFactory<WorkflowsDbContext> contexts, IWorkflowInstanceStore instances, IncidentRecord r, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var timeline = await db.IncidentTimeline.AsNoTracking().Where(t => t.IncidentId == r.Id).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var attachments = await db.IncidentAttachments.AsNoTracking().Where(a => a.IncidentId == r.Id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.SizeBytes)).ToListAsync(cancellationToken);
        var approvals = await db.IncidentApprovals.AsNoTracking().Where(a => a.IncidentId == r.Id).OrderBy(a => a.RequestedAt).ToListAsync(cancellationToken);
        // Everyone who may read an incident (its reporter, the responders on it, the team) reads how the handling was
        // received: the reporter's own feedback, or the team's lesson from it.
        var feedback = await db.EmployeeFeedback.AsNoTracking().Where(f => f.IncidentId == r.Id).ToListAsync(cancellationToken);
        var instance = await IncidentInstances.CurrentAsync(instances, r.Id, cancellationToken);
        return new IncidentView(
            r.Id,
            r.DefinitionId,
            r.Category,
            r.Status,
            r.Grade,
            new SuggestionView(r.SuggestedGrade, JsonSerializer.Deserialize<List<string>>(r.SuggestedGradeReasonsJson) ?? []),
            r.AssessmentJson is null ? null : JsonSerializer.Deserialize<JsonElement>(r.AssessmentJson),
            r.CancelReason,
            new ReportView(
                r.OccurredAt, r.Location, JsonSerializer.Deserialize<List<string>>(r.PeopleInvolvedJson) ?? [], r.PeopleAffected, r.Casualties,
                r.MajorPropertyLoss, r.InitialSituation, r.Channel, new ReporterBody(r.ReporterName, r.ReporterPhone, r.ReporterEmail, r.ReporterImAccount)),
            r.ReportedBy,
            r.WorkflowStarted || instance is not null,
            r.CreatedAt,
            r.UpdatedAt,
            r.Version,
            instance is null ? null : SlaView.Of(instance),
            attachments,
            approvals.Select(ApprovalView.Of).ToList(),
            timeline.Select(TimelineView.Of).ToList(),
            feedback.OrderBy(f => f.CreatedAt).Select(FeedbackView.Of).ToList());
    }
}
