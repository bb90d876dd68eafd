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

    /// <summary>Extension beside <c>detail</c> (English) naming the same problem by a stable code; pages say it in their
    /// reader's language (resource key <c>ApiError.</c> + the code, <see cref="ArgsExtension"/> filling {0}, {1}…).</summary>
    public const string CodeExtension = "errorCode";

    public const string ArgsExtension = "errorArgs";

    /// <summary>A problem with its stable <paramref name="code"/> (and the values its page text needs) beside the English detail.</summary>
    public static ProblemHttpResult Coded(int status, string detail, string code, params string[] args)
    {
        var problem = Create(status, detail);
        problem.Extensions[CodeExtension] = code;
        problem.Extensions[ArgsExtension] = args;
        return TypedResults.Problem(problem);
    }

    /// <summary>The code and values of a coded problem (null when it has none).</summary>
    public static (string Code, string[] Args)? CodeOf(ProblemDetails problem) =>
        problem is not null && problem.Extensions.TryGetValue(CodeExtension, out var code) && code is string text
            ? (text, problem.Extensions.TryGetValue(ArgsExtension, out var args) && args is string[] values ? values : [])
            : null;
}
