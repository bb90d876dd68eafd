using System.Globalization;
using System.Security.Claims;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Release;

/// <summary>
/// Closure and review (plan §3.5): a team lead records the review of a resolved incident (which moves it to Reviewed),
/// and improvement actions are tracked to done; <see cref="ActionReminderSweep"/> reminds owners of overdue ones.
/// </summary>
internal static class ReviewEndpoints
{
    private const int MaxTextLength = 8000;
    private const int MaxActions = 50;

    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents/{id}/review").WithTags("Reviews").RequireAuthorization(AuthPolicies.Responder);
        group.MapGet("/", GetAsync);
        group.MapPost("/", WriteAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapPost("/actions/{actionId}/done", DoneAsync);
        return app;
    }

    private static async Task<Results<Ok<ReviewView>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await IncidentAccess.Visible(db, user).AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound(IncidentAccess.NotFound(id));
        }

        var review = await db.IncidentReviews.AsNoTracking().SingleOrDefaultAsync(r => r.IncidentId == id, cancellationToken);
        if (review is null)
        {
            return Problems.NotFound($"Incident '{id}' has no review yet.");
        }

        var actions = await db.ImprovementActions.AsNoTracking().Where(a => a.IncidentId == id).OrderBy(a => a.Ordinal).ToListAsync(cancellationToken);
        return TypedResults.Ok(ReviewView.From(review, actions));
    }

    internal static async Task<Results<Created<ReviewView>, ProblemHttpResult>> WriteAsync(
        string id, ReviewBody? body, ClaimsPrincipal user, IncidentWriter writer, TimeProvider time, IncidentSignals signals,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, "A review body is required: whatHappened, rootCause, lessons and actions.", "Review.Incomplete");
        }

        if (new[] { body.WhatHappened, body.RootCause, body.Lessons }.Any(t => t is { Length: > MaxTextLength }))
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, $"'whatHappened', 'rootCause' and 'lessons' are limited to {MaxTextLength} characters.", "Review.TextTooLong",
                MaxTextLength.ToString(CultureInfo.InvariantCulture));
        }

        var requested = body.Actions ?? [];
        if (requested.Length > MaxActions || requested.Any(a => a is null || a.Title is { Length: > 400 } || a.OwnerId is { Length: > 200 }))
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, $"At most {MaxActions} improvement actions, each with a title (≤ 400 characters), an owner member id and a due time.",
                "Review.Actions", MaxActions.ToString(CultureInfo.InvariantCulture));
        }

        if (requested.Any(a => a.DueAt is null))
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, "Every improvement action needs 'dueAt'.", "Review.ActionDue");
        }

        var actor = user.UserNameOf() ?? "unknown";
        var now = time.GetUtcNow();
        var actions = requested.Select((a, i) => new ImprovementAction(
            (i + 1).ToString(CultureInfo.InvariantCulture), a.Title?.Trim() ?? string.Empty, a.OwnerId?.Trim() ?? string.Empty, a.DueAt!.Value)).ToList();
        var review = new Review(body.WhatHappened?.Trim() ?? string.Empty, body.RootCause?.Trim() ?? string.Empty, body.Lessons?.Trim() ?? string.Empty,
            actions, actor, now);
        if (review.WhyIncomplete() is { } incomplete)
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, incomplete, "Review.Incomplete");
        }

        try
        {
            var written = await writer.WriteAsync<Results<Created<ReviewView>, ProblemHttpResult>>(async (db, ct) =>
            {
                var incident = await IncidentAccess.Visible(db, user).SingleOrDefaultAsync(i => i.Id == id, ct);
                if (incident is null)
                {
                    return Problems.NotFound(IncidentAccess.NotFound(id));
                }

                if (await db.IncidentReviews.AnyAsync(r => r.IncidentId == id, ct))
                {
                    return Problems.Coded(StatusCodes.Status409Conflict, $"Incident '{id}' already has a review.", "Review.AlreadyWritten");
                }

                var from = Enum.Parse<IncidentStatus>(incident.Status);
                if (IncidentLifecycle.WhyNot(from, IncidentStatus.Reviewed, (IncidentGrade?)incident.Grade) is { } why)
                {
                    return Problems.Coded(StatusCodes.Status409Conflict, $"The review is recorded on a resolved incident. {why}", "Review.NotResolved");
                }

                var record = new ReviewRecord
                {
                    IncidentId = id,
                    WhatHappened = review.WhatHappened,
                    RootCause = review.RootCause,
                    Lessons = review.Lessons,
                    WrittenBy = actor,
                    WrittenAt = now,
                };
                var rows = actions.Select((a, i) => new ImprovementActionRecord
                {
                    Id = Guid.NewGuid().ToString("N"),
                    IncidentId = id,
                    Ordinal = i + 1,
                    Title = a.Title,
                    OwnerId = a.OwnerId,
                    DueAt = a.DueAt,
                }).ToList();
                db.IncidentReviews.Add(record);
                db.ImprovementActions.AddRange(rows);
                IncidentLedger.AddEntry(db, id, now, actor, TimelineKind.Review,
                    TimelineMessages.ReviewRecorded(rows.Count), $"Root cause: {review.RootCause}");
                foreach (var row in rows)
                {
                    IncidentLedger.AddEntry(db, id, now, actor, TimelineKind.Review,
                        TimelineMessages.ActionAssigned(row.Title, row.OwnerId, row.DueAt), null);
                }

                IncidentLedger.Move(db, incident, from, IncidentStatus.Reviewed, actor, now, null);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/incidents/{id}/review", ReviewView.From(record, rows));
            }, cancellationToken);
            if (written.Result is Created<ReviewView>)
            {
                await signals.WakeAsync(id, CancellationToken.None);
            }

            return written;
        }
        catch (DbUpdateException)
        {
            return Problems.Coded(StatusCodes.Status409Conflict, $"Incident '{id}' was changed by someone else meanwhile; read it again and retry.", "ChangedMeanwhile");
        }
    }

    internal static async Task<Results<Ok<ActionView>, ProblemHttpResult>> DoneAsync(
        string id, string actionId, ClaimsPrincipal user, IncidentWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var actor = user.UserNameOf() ?? "unknown";
        var identities = IncidentAccess.IdentitiesOf(user);
        return await writer.WriteAsync<Results<Ok<ActionView>, ProblemHttpResult>>(async (db, ct) =>
        {
            var action = await db.ImprovementActions.SingleOrDefaultAsync(a => a.Id == actionId && a.IncidentId == id, ct);
            var visible = await IncidentAccess.Visible(db, user).AnyAsync(i => i.Id == id, ct);
            var owns = action is not null && identities.Contains(action.OwnerId);
            if (action is null || !(visible || owns))
            {
                return Problems.Coded(StatusCodes.Status404NotFound, $"Incident '{id}' has no improvement action '{actionId}'.", "Action.NotFound");
            }

            if (!owns && !IncidentAccess.MayAssess(user))
            {
                return Problems.Coded(StatusCodes.Status403Forbidden, "Only the action's owner or a team lead marks an improvement action done.", "Action.NotOwner");
            }

            if (action.DoneAt is not null)
            {
                return TypedResults.Ok(ActionView.From(action));
            }

            var now = time.GetUtcNow();
            action.DoneAt = now;
            action.DoneBy = actor;
            IncidentLedger.AddEntry(db, id, now, actor, TimelineKind.Review, TimelineMessages.ActionDone(action.Title), null);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ActionView.From(action));
        }, cancellationToken);
    }
}

internal sealed record ReviewActionBody(string? Title, string? OwnerId, DateTimeOffset? DueAt);

internal sealed record ReviewBody(string? WhatHappened, string? RootCause, string? Lessons, ReviewActionBody[]? Actions);

internal sealed record ActionView(string Id, int Ordinal, string Title, string OwnerId, DateTimeOffset DueAt, DateTimeOffset? DoneAt, string? DoneBy)
{
    public static ActionView From(ImprovementActionRecord a) => new(a.Id, a.Ordinal, a.Title, a.OwnerId, a.DueAt, a.DoneAt, a.DoneBy);
}

internal sealed record ReviewView(
    string IncidentId, string WhatHappened, string RootCause, string Lessons, string WrittenBy, DateTimeOffset WrittenAt, IReadOnlyList<ActionView> Actions)
{
    public static ReviewView From(ReviewRecord r, IEnumerable<ImprovementActionRecord> actions) =>
        new(r.IncidentId, r.WhatHappened, r.RootCause, r.Lessons, r.WrittenBy, r.WrittenAt, actions.Select(ActionView.From).ToList());
}
