using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Instances;

internal static class InstanceEndpoints
{
    private const int MaxTake = 500;

    public static IEndpointRouteBuilder MapInstances(this IEndpointRouteBuilder app)
    {
        // The raw engine API is for the people who work incidents; employees report through the incident intake.
        var api = app.MapGroup("/api").WithTags("Instances").RequireAuthorization(AuthPolicies.Responder);
        api.MapPost("/workflows/{definitionId}/instances", StartAsync);

        var group = api.MapGroup("/instances");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/cancel", CancelAsync);
        return app;
    }

    private static async Task<Results<Created<InstanceView>, ProblemHttpResult>> StartAsync(
        string definitionId,
        StartInstanceBody? body,
        IWorkflowRuntime runtime,
        IWorkflowDefinitionStore definitions,
        InstanceViews views,
        CancellationToken cancellationToken)
    {
        WorkflowInstance instance;
        try
        {
            instance = await runtime.StartAsync(
                new StartWorkflowRequest(definitionId, body?.Input, body?.CorrelationId, body?.Name), cancellationToken);
        }
        catch (WorkflowDefinitionNotFoundException)
        {
            // An imported file that failed validation is stored unpublished: say why it cannot start, not just "unknown".
            var latest = await definitions.FindLatestAsync(definitionId, cancellationToken);
            return latest is { IsValid: false }
                ? TypedResults.Problem(Problems.InvalidDefinition(definitionId, latest.ValidationErrors))
                : Problems.NotFound($"No published workflow definition '{definitionId}' exists.");
        }
        catch (WorkflowDefinitionInvalidException invalid)
        {
            return TypedResults.Problem(Problems.InvalidDefinition(definitionId, invalid.Errors));
        }

        return TypedResults.Created($"/api/instances/{Uri.EscapeDataString(instance.Id)}", await views.CreateAsync(instance, cancellationToken));
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(
        string id, IWorkflowInstanceStore instances, InstanceViews views, CancellationToken cancellationToken)
    {
        var instance = await instances.FindAsync(id, cancellationToken);
        return instance is null
            ? Problems.NotFound($"No workflow instance '{id}' exists.")
            : TypedResults.Ok(await views.CreateAsync(instance, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<WorkflowInstanceSummary>>, ProblemHttpResult>> ListAsync(
        string? definitionId,
        string? correlationId,
        string? status,
        int? take,
        IWorkflowInstanceStore instances,
        CancellationToken cancellationToken)
    {
        WorkflowStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return Problems.BadRequest($"Unknown status '{status}'; use one of: {string.Join(", ", Enum.GetNames<WorkflowStatus>())}.");
            }

            parsedStatus = s;
        }

        if (take is < 1 or > MaxTake)
        {
            return Problems.BadRequest($"'take' must be between 1 and {MaxTake}.");
        }

        var list = await instances.ListAsync(new InstanceQuery(definitionId, correlationId, parsedStatus, take ?? 100), cancellationToken);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> CancelAsync(
        string id, IWorkflowRuntime runtime, IWorkflowInstanceStore instances, InstanceViews views, CancellationToken cancellationToken)
    {
        var existing = await instances.FindAsync(id, cancellationToken);
        if (existing is null)
        {
            return Problems.NotFound($"No workflow instance '{id}' exists.");
        }

        if (existing.IsFinished)
        {
            return Problems.Conflict($"Workflow instance '{id}' has already finished ({existing.SubStatus}); it cannot be cancelled.");
        }

        var cancelled = await runtime.CancelAsync(id, cancellationToken);
        return cancelled is null
            ? Problems.NotFound($"No workflow instance '{id}' exists.")
            : TypedResults.Ok(await views.CreateAsync(cancelled, cancellationToken));
    }
}

internal sealed record StartInstanceBody(JsonObject? Input, string? CorrelationId, string? Name);
