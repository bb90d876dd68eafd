using System.Security.Claims;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Instances;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Tasks;

internal static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(AuthPolicies.Responder);
        group.MapGet("/mine", MineAsync);
        group.MapPost("/{taskId}/claim", ClaimAsync);
        group.MapPost("/{taskId}/reassign", ReassignAsync);
        group.MapPost("/{taskId}/complete", CompleteAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TaskView>>> MineAsync(ClaimsPrincipal user, TaskBoard board, CancellationToken cancellationToken) =>
        TypedResults.Ok(await board.MineAsync(user, cancellationToken));

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ClaimAsync(
        string taskId, ClaimsPrincipal user, TaskBoard board, ResumeAnswers answers, CancellationToken cancellationToken) =>
        await ToHttpAsync(taskId, await board.ClaimAsync(taskId, user, cancellationToken), answers, cancellationToken);

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ReassignAsync(
        string taskId, ReassignTaskBody? body, ClaimsPrincipal user, TaskBoard board, ResumeAnswers answers, CancellationToken cancellationToken) =>
        await ToHttpAsync(taskId, await board.ReassignAsync(taskId, body, user, cancellationToken), answers, cancellationToken);

    /// <summary>A human task ({outcome, form}, checked against its form fields); any other task (a plain Elsa.RunTask)
    /// completes with {result} as before.</summary>
    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> CompleteAsync(
        string taskId, CompleteTaskBody? body, ClaimsPrincipal user, TaskBoard board, IWorkflowRuntime runtime, ResumeAnswers answers,
        CancellationToken cancellationToken)
    {
        if (await board.FindAsync(taskId, cancellationToken) is var (task, instanceId))
        {
            return await ToHttpAsync(taskId, await board.CompleteAsync(taskId, task, instanceId, body, user, cancellationToken), answers, cancellationToken);
        }

        var result = await runtime.CompleteTaskAsync(taskId, body?.Result?.DeepClone(), cancellationToken);
        return await answers.ToHttpAsync(
            result,
            notFound: $"No task '{taskId}' exists.",
            alreadyConsumed: $"Task '{taskId}' has already been completed.",
            cancellationToken);
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ToHttpAsync(
        string taskId, TaskOutcome outcome, ResumeAnswers answers, CancellationToken cancellationToken) => outcome.Kind switch
        {
            TaskOutcomeKind.Ok => await answers.ToHttpAsync(outcome.Result!, $"No task '{taskId}' exists.",
                $"Task '{taskId}' has already been completed.", cancellationToken),
            TaskOutcomeKind.BadRequest => Problems.BadRequest(outcome.Message!),
            TaskOutcomeKind.Forbidden => Problems.Result(StatusCodes.Status403Forbidden, outcome.Message!),
            TaskOutcomeKind.Conflict => Problems.Conflict(outcome.Message!),
            _ => Problems.NotFound(outcome.Message!),
        };
}

internal sealed record CompleteTaskBody(JsonNode? Result, string? Outcome = null, JsonObject? Form = null);
