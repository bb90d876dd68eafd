using EmergencyWorkflows.Api.Feedback;
using EmergencyWorkflows.Api.Web;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Pages.Employee;

/// <summary>
/// <c>/suggestions</c>: a general suggestion about the plan, sent through <see cref="FeedbackEndpoints.SuggestAsync"/>;
/// below, my own suggestions, and for team leads everyone's (the same list as <c>GET /api/suggestions</c>).
/// </summary>
internal sealed class SuggestionsModel(
    IDbContextFactory<WorkflowsDbContext> contexts,
    IncidentWriter writer,
    TimeProvider time,
    ILoggerFactory loggers) : PageModel
{
    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public bool Sent { get; private set; }

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<SuggestionView> Mine { get; private set; } = [];

    /// <summary>Everyone's suggestions, for team leads only; null for anyone else.</summary>
    public IReadOnlyList<SuggestionView>? All { get; private set; }

    public async Task OnGetAsync(bool sent, CancellationToken cancellationToken)
    {
        Sent = sent;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var answer = await FeedbackEndpoints.SuggestAsync(new SuggestionBody(Text, Topic), User, writer, time, loggers, cancellationToken);
        switch (answer.Result)
        {
            case Created<SuggestionView>:
                return Redirect("/suggestions?sent=true");
            case ValidationProblem invalid:
                foreach (var (key, messages) in invalid.ProblemDetails.Errors)
                {
                    foreach (var message in messages)
                    {
                        Errors.Add(key is "text" or "topic" ? key : "form", message);
                    }
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case ProblemHttpResult problem:
                Errors.Add("form", problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "Error");
                Response.StatusCode = problem.StatusCode;
                break;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Mine = (await FeedbackEndpoints.MySuggestionsAsync(User, contexts, cancellationToken)).Value ?? [];
        if (User.IsTeamLead() && (await FeedbackEndpoints.SuggestionsAsync(null, contexts, cancellationToken)).Result is Ok<List<SuggestionView>> all)
        {
            All = all.Value;
        }
    }
}
