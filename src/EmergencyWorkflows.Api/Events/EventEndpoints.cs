using System.Security.Claims;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Events;

internal static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Events").RequireAuthorization(AuthPolicies.Responder);
        api.MapPost("/events/{eventName}", TriggerAsync);
        api.MapPost("/instances/{id}/events/{eventName}", TriggerForInstanceAsync);
        return app;
    }

    private static async Task<Ok<EventResult>> TriggerAsync(
        string eventName, TriggerEventBody? body, ClaimsPrincipal user, IWorkflowRuntime runtime, IncidentLedger ledger, CancellationToken cancellationToken)
    {
        var results = await runtime.TriggerEventAsync(
            new TriggerEventRequest(eventName, body?.CorrelationId, body?.InstanceId, body?.Payload?.DeepClone()), cancellationToken);
        var answer = EventResult.From(results);
        await RecordSignalsAsync(answer, eventName, user, ledger);
        return TypedResults.Ok(answer);
    }

    /// <summary>Each incident the event resumed gets a Signal line (after the commit, like acknowledgements).</summary>
    private static async Task RecordSignalsAsync(EventResult answer, string eventName, ClaimsPrincipal user, IncidentLedger ledger)
    {
        foreach (var instanceId in answer.Resumed)
        {
            await ledger.RecordSignalAsync(instanceId, user.UserNameOf() ?? "unknown", eventName, CancellationToken.None);
        }
    }

    private static async Task<Results<Ok<EventResult>, ProblemHttpResult>> TriggerForInstanceAsync(
        string id, string eventName, InstanceEventBody? body, ClaimsPrincipal user, IWorkflowRuntime runtime, IWorkflowInstanceStore instances,
        IncidentLedger ledger, CancellationToken cancellationToken)
    {
        var instance = await instances.FindAsync(id, cancellationToken);
        if (instance is null)
        {
            return Problems.NotFound($"No workflow instance '{id}' exists.");
        }

        var results = await runtime.TriggerEventAsync(
            new TriggerEventRequest(eventName, InstanceId: id, Payload: body?.Payload?.DeepClone()), cancellationToken);
        var answer = EventResult.From(results);
        await RecordSignalsAsync(answer, eventName, user, ledger);
        return answer.Resumed.Count == 0
            ? Problems.Conflict($"Workflow instance '{id}' is not waiting for event '{eventName}'.")
            : TypedResults.Ok(answer);
    }
}

internal sealed record TriggerEventBody(string? CorrelationId, string? InstanceId, JsonNode? Payload);

internal sealed record InstanceEventBody(JsonNode? Payload);

internal sealed record EventResult(IReadOnlyList<string> Resumed)
{
    public static EventResult From(IReadOnlyList<ResumeResult> results) =>
        new(results.Where(r => r.Applied && r.InstanceId is not null).Select(r => r.InstanceId!).Distinct().ToList());
}
