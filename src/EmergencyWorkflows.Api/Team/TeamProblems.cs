using EmergencyWorkflows.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Team;

internal static class TeamProblems
{
    /// <summary>400 naming every problem: the first in the detail, all of them in "errors".</summary>
    public static ProblemHttpResult Invalid(string what, IReadOnlyList<string> problems)
    {
        var problem = Problems.Create(StatusCodes.Status400BadRequest, $"The {what} is not valid: {string.Join(" ", problems)}");
        problem.Extensions["errors"] = problems;
        return TypedResults.Problem(problem);
    }
}
