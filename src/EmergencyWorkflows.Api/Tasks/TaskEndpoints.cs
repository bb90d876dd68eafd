using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Instances;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Tasks;

internal static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/{taskId}/complete", CompleteAsync).WithTags("Tasks");
        return app;
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> CompleteAsync(
        string taskId, CompleteTaskBody? body, IWorkflowRuntime runtime, ResumeAnswers answers, CancellationToken cancellationToken)
    {
        var result = body?.Result?.DeepClone();
        return await answers.ResumeAsync(
            $"task:{taskId}",
            ct => runtime.CompleteTaskAsync(taskId, result, ct),
            notFound: $"No pending task '{taskId}' exists (unknown, or already completed).",
            alreadyConsumed: $"Task '{taskId}' has already been completed.",
            cancellationToken);
    }
}

internal sealed record CompleteTaskBody(JsonNode? Result);
