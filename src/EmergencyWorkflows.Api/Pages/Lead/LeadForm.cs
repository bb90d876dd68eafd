using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Lead;

/// <summary>
/// What went wrong with a posted lead form: localized errors per field (checked on the page before the API's handler
/// runs), and the API's own ProblemDetails sentence when its rules refuse what the form asked for.
/// </summary>
internal sealed class LeadForm
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The API's refusal (its ProblemDetails detail), shown in the alert summary as it was written.</summary>
    public string? Problem { get; set; }

    public int? ProblemStatus { get; set; }

    public bool HasErrors => Errors.Count > 0 || Problem is not null;

    public string? this[string field] => Errors.TryGetValue(field, out var message) ? message : null;

    public void Add(string field, string message) => Errors.TryAdd(field, message);

    /// <summary>A ledger's refusal in the page's language when it has a code the page knows (ApiError.*), else as written.</summary>
    public static string? Say(IStringLocalizer<LeadText> l, LedgerOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Code is { } code && l["ApiError." + code] is { ResourceNotFound: false } text ? text.Value : outcome.Message;
    }

    /// <summary>Takes a refusal from an API handler's result; false when the result was not a ProblemDetails. A coded
    /// problem (<see cref="Problems.CodeOf"/>) is said in the page's language when <paramref name="l"/> has its text.</summary>
    public bool TakeProblem(IResult result, IStringLocalizer<LeadText>? l = null)
    {
        switch (result)
        {
            case ProblemHttpResult problem when l is not null && Problems.CodeOf(problem.ProblemDetails) is var (code, args)
                && l["ApiError." + code, [.. args]] is { ResourceNotFound: false } text:
                Problem = text.Value;
                ProblemStatus = problem.StatusCode;
                return true;
            case ProblemHttpResult problem:
                Problem = problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? problem.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ProblemStatus = problem.StatusCode;
                return true;
            case ValidationProblem validation:
                Problem = string.Join(" ", validation.ProblemDetails.Errors.SelectMany(e => e.Value));
                ProblemStatus = validation.StatusCode;
                return true;
            default:
                return false;
        }
    }
}
