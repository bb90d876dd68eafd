using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Instances;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Tasks;

internal static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/{taskId}/complete", CompleteAsync).WithTags("Tasks").RequireAuthorization(AuthPolicies.Responder);
        return app;
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> CompleteAsync(
        string taskId, CompleteTaskBody? body, IWorkflowRuntime runtime, ResumeAnswers answers, CancellationToken cancellationToken)
    {
        var result = await runtime.CompleteTaskAsync(taskId, body?.Result?.DeepClone(), cancellationToken);
        return await answers.ToHttpAsync(
            result,
            notFound: $"No task '{taskId}' exists.",
            alreadyConsumed: $"Task '{taskId}' has already been completed.",
            cancellationToken);
    }
}

internal sealed record CompleteTaskBody(JsonNode? Result);
