using System.Security.Claims;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Feedback;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Feedback;

/// <summary>
/// Employee feedback (plan §2: collect employee feedback and keep improving): the reporter of a handled incident
/// (Resolved, Reviewed, Closed) rates it 1–5 with optional comments, once per incident (a later submission replaces
/// the earlier one, recorded on the timeline); team leads read it. Any employee sends a general suggestion about the plan.
/// Comments and suggestions are plain text kept as written: every page encodes them, the JSON API returns them as data.
/// </summary>
internal static class FeedbackEndpoints
{
    public const int MaxCommentsLength = 2000;
    public const int MaxSuggestionLength = 4000;
    private const int MaxListed = 200;

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        var feedback = app.MapGroup("/api/incidents/{id}/feedback").WithTags("Feedback");
        feedback.MapPost("/", GiveAsync).RequireAuthorization(AuthPolicies.Reporter);
        feedback.MapGet("/", ListAsync).RequireAuthorization(AuthPolicies.TeamLead);
        var suggestions = app.MapGroup("/api/suggestions").WithTags("Feedback");
        suggestions.MapPost("/", SuggestAsync).RequireAuthorization(AuthPolicies.Reporter);
        suggestions.MapGet("/", SuggestionsAsync).RequireAuthorization(AuthPolicies.TeamLead);
        suggestions.MapGet("/mine", MySuggestionsAsync).RequireAuthorization(AuthPolicies.Reporter);
        return app;
    }

    /// <summary>Whether feedback may be given on an incident in this status: once it has been handled.</summary>
    public static bool IsHandled(string status) =>
        status is nameof(IncidentStatus.Resolved) or nameof(IncidentStatus.Reviewed) or nameof(IncidentStatus.Closed);

    public static async Task<Results<Created<FeedbackView>, Ok<FeedbackView>, ValidationProblem, ProblemHttpResult>> GiveAsync(
        string id, FeedbackBody? body, ClaimsPrincipal user, IncidentWriter writer, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Problems.BadRequest("The feedback is missing: send a JSON object with satisfaction (1-5) and optional comments.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Satisfaction is not (>= 1 and <= 5))
        {
            errors["satisfaction"] = ["Satisfaction must be a whole number from 1 (very dissatisfied) to 5 (very satisfied)."];
        }

        var comments = string.IsNullOrWhiteSpace(body.Comments) ? null : body.Comments.Trim();
        if (TextProblem("Comments", comments, MaxCommentsLength) is { } commentsProblem)
        {
            errors["comments"] = [commentsProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The feedback has errors (see 'errors'); nothing was recorded.");
        }

        var me = user.UserNameOf() ?? string.Empty;
        var satisfaction = body.Satisfaction!.Value;
        var (outcome, record) = await writer.WriteAsync(async (db, ct) =>
        {
            var incident = await IncidentAccess.Visible(db, user).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null)
            {
                return (GiveOutcome.NotFound, (EmployeeFeedbackRecord?)null);
            }

            if (!string.Equals(incident.ReportedBy, me, StringComparison.Ordinal))
            {
                return (GiveOutcome.NotReporter, null);
            }

            if (!IsHandled(incident.Status))
            {
                return (GiveOutcome.NotHandled, null);
            }

            var now = time.GetUtcNow();
            var existing = await db.EmployeeFeedback.SingleOrDefaultAsync(f => f.IncidentId == id && f.GivenBy == me, ct);
            if (existing is not null && existing.Satisfaction == satisfaction && existing.Comments == comments)
            {
                return (GiveOutcome.Unchanged, existing);
            }

            if (existing is null)
            {
                existing = new EmployeeFeedbackRecord
                {
                    Id = Guid.NewGuid().ToString("N"),
                    IncidentId = id,
                    GivenBy = me,
                    CreatedAt = now,
                };
                db.EmployeeFeedback.Add(existing);
            }

            existing.Satisfaction = satisfaction;
            existing.Comments = comments;
            existing.UpdatedAt = now;
            existing.Revision++;
            IncidentLedger.AddEntry(db, id, now, me, TimelineKind.Feedback,
                TimelineMessages.Feedback(existing.Revision == 1, satisfaction),
                null);
            await db.SaveChangesAsync(ct);
            return (existing.Revision == 1 ? GiveOutcome.Created : GiveOutcome.Updated, existing);
        }, cancellationToken);

        switch (outcome)
        {
            case GiveOutcome.NotFound:
                return Problems.NotFound(IncidentAccess.NotFound(id));
            case GiveOutcome.NotReporter:
                return Problems.Result(StatusCodes.Status403Forbidden, "Only the employee who reported the incident gives feedback on it.");
            case GiveOutcome.NotHandled:
                return Problems.Conflict("Feedback opens once the incident has been handled (Resolved, Reviewed or Closed).");
        }

        loggers.CreateLogger(typeof(FeedbackEndpoints)).LogInformation(
            "Incident {IncidentId}: feedback {Outcome}, satisfaction {Satisfaction}, revision {Revision}", id, outcome, satisfaction, record!.Revision);
        var view = FeedbackView.Of(record);
        return outcome == GiveOutcome.Created
            ? TypedResults.Created($"/api/incidents/{id}/feedback", view)
            : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<List<FeedbackView>>, ProblemHttpResult>> ListAsync(
        string id, IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound(IncidentAccess.NotFound(id));
        }

        var rows = await db.EmployeeFeedback.AsNoTracking().Where(f => f.IncidentId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.OrderBy(f => f.CreatedAt).Select(FeedbackView.Of).ToList());
    }

    /// <summary>The caller's own feedback on an incident, or null.</summary>
    public static async Task<FeedbackView?> MineAsync(
        string id, ClaimsPrincipal user, IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        var me = user.UserNameOf() ?? string.Empty;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.EmployeeFeedback.AsNoTracking().SingleOrDefaultAsync(f => f.IncidentId == id && f.GivenBy == me, cancellationToken);
        return row is null ? null : FeedbackView.Of(row);
    }

    public static async Task<Results<Created<SuggestionView>, ValidationProblem, ProblemHttpResult>> SuggestAsync(
        SuggestionBody? body, ClaimsPrincipal user, IncidentWriter writer, TimeProvider time, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Problems.BadRequest("The suggestion is missing: send a JSON object with text and an optional topic.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var text = body.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors["text"] = ["The suggestion's text is required."];
        }
        else if (TextProblem("The suggestion", text, MaxSuggestionLength) is { } textProblem)
        {
            errors["text"] = [textProblem];
        }

        SuggestionTopic? topic = null;
        if (!string.IsNullOrWhiteSpace(body.Topic))
        {
            if (Enum.TryParse<SuggestionTopic>(body.Topic.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                topic = parsed;
            }
            else
            {
                errors["topic"] = ["The topic must be one of: " + string.Join(", ", Enum.GetNames<SuggestionTopic>()) + ", or left out."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The suggestion has errors (see 'errors'); nothing was recorded.");
        }

        var record = new SuggestionRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            SubmittedBy = user.UserNameOf() ?? "unknown",
            Topic = topic?.ToString(),
            Text = text!,
            SubmittedAt = time.GetUtcNow(),
        };
        await writer.WriteAsync((db, ct) =>
        {
            db.Suggestions.Add(record);
            return db.SaveChangesAsync(ct);
        }, cancellationToken);
        loggers.CreateLogger(typeof(FeedbackEndpoints)).LogInformation("Suggestion {SuggestionId} about {Topic} received", record.Id, record.Topic ?? "-");
        return TypedResults.Created("/api/suggestions", SuggestionView.Of(record));
    }

    public static async Task<Results<Ok<List<SuggestionView>>, ProblemHttpResult>> SuggestionsAsync(
        string? topic, IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        string? wanted = null;
        if (!string.IsNullOrWhiteSpace(topic))
        {
            if (!Enum.TryParse<SuggestionTopic>(topic.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.BadRequest("Unknown topic; use one of: " + string.Join(", ", Enum.GetNames<SuggestionTopic>()) + ".");
            }

            wanted = parsed.ToString();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Suggestions.AsNoTracking();
        if (wanted is not null)
        {
            query = query.Where(s => s.Topic == wanted);
        }

        return TypedResults.Ok(await ListSuggestionsAsync(query, cancellationToken));
    }

    public static async Task<Ok<List<SuggestionView>>> MySuggestionsAsync(
        ClaimsPrincipal user, IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        var me = user.UserNameOf() ?? string.Empty;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return TypedResults.Ok(await ListSuggestionsAsync(db.Suggestions.AsNoTracking().Where(s => s.SubmittedBy == me), cancellationToken));
    }

    private static async Task<List<SuggestionView>> ListSuggestionsAsync(IQueryable<SuggestionRecord> query, CancellationToken cancellationToken) =>
        (await query.OrderByDescending(s => s.SubmittedAt).Take(MaxListed).ToListAsync(cancellationToken)).Select(SuggestionView.Of).ToList();

    private static string? TextProblem(string label, string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return $"{label}: at most {maxLength} characters.";
        }

        return value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? $"{label}: control characters are not allowed." : null;
    }

    private enum GiveOutcome
    {
        Created,
        Updated,
        Unchanged,
        NotFound,
        NotReporter,
        NotHandled,
    }
}

/// <summary>Satisfaction from 1 (very dissatisfied) to 5 (very satisfied) and optional comments (plain text).</summary>
internal sealed record FeedbackBody(int? Satisfaction, string? Comments);

internal sealed record FeedbackView(
    string Id, string IncidentId, string GivenBy, int Satisfaction, string? Comments, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Revision)
{
    public static FeedbackView Of(EmployeeFeedbackRecord r) =>
        new(r.Id, r.IncidentId, r.GivenBy, r.Satisfaction, r.Comments, r.CreatedAt, r.UpdatedAt, r.Revision);
}

/// <summary>A suggestion's text (plain text) and optional topic (<see cref="SuggestionTopic"/>).</summary>
internal sealed record SuggestionBody(string? Text, string? Topic);

internal sealed record SuggestionView(string Id, string SubmittedBy, string? Topic, string Text, DateTimeOffset SubmittedAt)
{
    public static SuggestionView Of(SuggestionRecord r) => new(r.Id, r.SubmittedBy, r.Topic, r.Text, r.SubmittedAt);
}
