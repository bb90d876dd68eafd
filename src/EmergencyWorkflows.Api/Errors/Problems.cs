using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace EmergencyWorkflows.Api.Errors;

/// <summary>The ProblemDetails this API answers with, built in one place so every error looks the same.</summary>
internal static class Problems
{
    public static ProblemDetails Create(int status, string detail) => new()
    {
        Status = status,
        Title = ReasonPhrases.GetReasonPhrase(status),
        Detail = detail,
    };

    public static ProblemDetails InvalidDefinition(string definitionId, IReadOnlyList<string> errors)
    {
        var problem = Create(StatusCodes.Status422UnprocessableEntity, $"Workflow definition '{definitionId}' is not valid and cannot be started.");
        problem.Extensions["errors"] = errors;
        return problem;
    }

    public static ProblemHttpResult Result(int status, string detail) => TypedResults.Problem(Create(status, detail));

    public static ProblemHttpResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Result(StatusCodes.Status409Conflict, detail);

    public static ProblemHttpResult BadRequest(string detail) => Result(StatusCodes.Status400BadRequest, detail);
}
