using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Pages.Team;

/// <summary>
/// The errors of one form: per field (shown beside the input) and in order (the role=alert summary). The API's
/// validation answers with one English sentence per problem; <see cref="AddProblem"/> routes each to its field by
/// the sentence's opening words (the field's JSON name, as TeamValidation writes it) so the page can say it in the
/// reader's language, and keeps a sentence no rule matches as it is.
/// </summary>
internal sealed class FormErrors
{
    private readonly List<(string Field, string Message)> all = [];

    public bool Any => all.Count > 0;

    public IReadOnlyList<(string Field, string Message)> All => all;

    public void Add(string field, string message)
    {
        if (!all.Contains((field, message)))
        {
            all.Add((field, message));
        }
    }

    public IEnumerable<string> For(string field) => all.Where(e => e.Field == field).Select(e => e.Message);

    public bool Has(string field) => all.Any(e => e.Field == field);

    /// <summary>Maps the API's problem to fields; <paramref name="route"/> gives (field, localized message) for a
    /// sentence, or null when the sentence belongs to no field (it is then shown under <paramref name="fallbackField"/>).</summary>
    public void AddProblem(ProblemHttpResult problem, Func<string, (string Field, string Message)?> route, string fallbackField)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(route);
        var sentences = problem.ProblemDetails.Extensions.TryGetValue("errors", out var errors) && errors is IEnumerable<string> list
            ? list.ToList()
            : [problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? string.Empty];
        foreach (var sentence in sentences)
        {
            if (route(sentence) is { } routed)
            {
                Add(routed.Field, routed.Message);
            }
            else
            {
                Add(fallbackField, sentence);
            }
        }
    }
}
