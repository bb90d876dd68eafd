using System.Text.Json;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EmergencyWorkflows.Api.Errors;

/// <summary>
/// Turns every exception that reaches the pipeline into an RFC 7807 answer: bad input keeps its 4xx status and a
/// message saying what was wrong; known runtime refusals get their status; anything else is a 500 with no detail
/// (the stack trace goes to the log only).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => Problems.Create(bad.StatusCode, Describe(bad)),
            JsonException json => Problems.Create(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {json.Message}"),
            WorkflowDefinitionNotFoundException notFound => Problems.Create(StatusCodes.Status404NotFound, notFound.Message),
            WorkflowDefinitionInvalidException invalid => Problems.InvalidDefinition(invalid.DefinitionId, invalid.Errors),
            WorkflowConcurrencyException => Problems.Create(StatusCodes.Status409Conflict,
                "The workflow instance was changed by another request at the same time; reload it and try again."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                Problems.Create(StatusCodes.Status400BadRequest, "The request was aborted by the client."),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problems.Create(StatusCodes.Status500InternalServerError, "An unexpected error occurred. It has been logged.");
        }
        else
        {
            logger.LogInformation("Request refused with {StatusCode}: {Reason}", problem.Status, problem.Detail);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => $"{bad.Message} {json.Message}",
        _ => bad.Message,
    };
}
