using System.Security.Claims;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>An incident's response SLA, and the team's acknowledgement ("remote response started") and on-site arrival.</summary>
internal static class IncidentEndpoints
{
    private const int MaxByLength = 200;
    private const int MaxNoteLength = 4000;

    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        // Any employee may report and read what they may see; working an incident needs a responder (or above).
        var group = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(AuthPolicies.Reporter);
        group.MapPost("/", IncidentReportEndpoints.ReportAsync);
        group.MapGet("/", IncidentReportEndpoints.ListAsync);
        group.MapGet("/{id}", IncidentReportEndpoints.GetAsync);
        group.MapPost("/{id}/transitions", IncidentReportEndpoints.TransitionAsync).RequireAuthorization(AuthPolicies.Responder);
        group.MapPost("/{id}/assessment", IncidentReportEndpoints.AssessAsync).RequireAuthorization(AuthPolicies.Responder);
        group.MapPost("/{id}/category", IncidentReportEndpoints.RecategoriseAsync).RequireAuthorization(AuthPolicies.Responder);
        group.MapPost("/{id}/approvals/{approvalId}", IncidentReportEndpoints.DecideAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapGet("/{instanceId}/sla", GetSlaAsync).RequireAuthorization(AuthPolicies.Responder);
        group.MapPost("/{instanceId}/acknowledge", (string instanceId, ResponseBody? body, ClaimsPrincipal user, IncidentResponder responder, CancellationToken ct) =>
            RespondAsync(instanceId, ResponseKind.Acknowledge, body, user, responder, ct)).RequireAuthorization(AuthPolicies.Responder);
        group.MapPost("/{instanceId}/arrive", (string instanceId, ResponseBody? body, ClaimsPrincipal user, IncidentResponder responder, CancellationToken ct) =>
            RespondAsync(instanceId, ResponseKind.Arrive, body, user, responder, ct)).RequireAuthorization(AuthPolicies.Responder);
        return app;
    }

    private static async Task<Results<Ok<SlaView>, ProblemHttpResult>> GetSlaAsync(
        string instanceId, ClaimsPrincipal user, IWorkflowInstanceStore instances, IDbContextFactory<WorkflowsDbContext> contexts,
        CancellationToken cancellationToken)
    {
        // An incident's SLA is shown to whoever may see the incident; a bare instance (engine API) to any responder.
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Incidents.AnyAsync(i => i.Id == instanceId, cancellationToken)
                && !await IncidentAccess.Readable(db, user).AnyAsync(i => i.Id == instanceId, cancellationToken))
            {
                return Problems.NotFound(IncidentAccess.NotFound(instanceId));
            }
        }

        var instance = await IncidentInstances.CurrentAsync(instances, instanceId, cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound($"No incident (workflow instance) '{instanceId}' exists.");
        }

        return SlaView.Of(instance) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"Incident '{instanceId}' has no response SLA: its workflow has not reached an Emergency.ResponseSla step.");
    }

    private static async Task<Results<Ok<ResponseAnswer>, ProblemHttpResult>> RespondAsync(
        string instanceId, ResponseKind kind, ResponseBody? body, ClaimsPrincipal user, IncidentResponder responder, CancellationToken cancellationToken)
    {
        if (body?.By is { Length: > MaxByLength })
        {
            return Problems.BadRequest($"'by' is longer than {MaxByLength} characters.");
        }

        if (body?.Note is { Length: > MaxNoteLength })
        {
            return Problems.BadRequest($"'note' is longer than {MaxNoteLength} characters.");
        }

        // "by" is who responded (an operator may record a responder's phone call); the source keeps who recorded it.
        var caller = user.UserNameOf();
        var by = string.IsNullOrWhiteSpace(body?.By) ? user.MemberIdOf() ?? caller : body.By;
        var outcome = await responder.RespondAsync(instanceId, new IncidentResponse(kind, by, body?.Note, $"api:{caller}"), caller, cancellationToken);
        return ToHttp(outcome);
    }

    internal static Results<Ok<ResponseAnswer>, ProblemHttpResult> ToHttp(ResponseOutcome outcome) => outcome.Kind switch
    {
        ResponseOutcomeKind.Recorded => TypedResults.Ok(new ResponseAnswer(outcome.AlreadyRecorded, outcome.Message, SlaView.Of(outcome.Instance!))),
        ResponseOutcomeKind.NotFound => Problems.NotFound(outcome.Message),
        _ => Problems.Conflict(outcome.Message),
    };
}

/// <summary>Who responded (a name or member id) and an optional note; both optional.</summary>
internal sealed record ResponseBody(string? By, string? Note);
