using System.Globalization;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Feedback;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Pages.Employee;

/// <summary>
/// <c>/my/reports/{id}/feedback</c>: the reporter's satisfaction (1–5) and comments on a handled incident, given through
/// the API's rules (<see cref="FeedbackEndpoints.GiveAsync"/>): only the reporter, only once handled, once per incident
/// (sending again replaces the earlier feedback). An incident the user may not see is 404, as in the API.
/// </summary>
internal sealed class FeedbackModel(
    IDbContextFactory<WorkflowsDbContext> contexts,
    IWorkflowInstanceStore instances,
    IncidentWriter writer,
    TimeProvider time,
    ILoggerFactory loggers) : PageModel
{
    public IncidentView Incident { get; private set; } = null!;

    public FeedbackView? Mine { get; private set; }

    public bool IsReporter { get; private set; }

    public bool IsHandled { get; private set; }

    public bool Saved { get; private set; }

    [BindProperty]
    public string? Satisfaction { get; set; }

    [BindProperty]
    public string? Comments { get; set; }

    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Saved = saved && Mine is not null;
        Satisfaction = Mine?.Satisfaction.ToString(CultureInfo.InvariantCulture);
        Comments = Mine?.Comments;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        int? satisfaction = int.TryParse(Satisfaction, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        var answer = await FeedbackEndpoints.GiveAsync(id, new FeedbackBody(satisfaction, Comments), User, writer, time, loggers, cancellationToken);
        switch (answer.Result)
        {
            case Created<FeedbackView> or Ok<FeedbackView>:
                return Redirect($"/my/reports/{Uri.EscapeDataString(id)}/feedback?saved=true");
            case ValidationProblem invalid:
                foreach (var (key, messages) in invalid.ProblemDetails.Errors)
                {
                    foreach (var message in messages)
                    {
                        Errors.Add(key is "satisfaction" or "comments" ? key : "form", message);
                    }
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }:
                return NotFound();
            case ProblemHttpResult problem:
                // Not the reporter, or not handled yet: the page below says which.
                Response.StatusCode = problem.StatusCode;
                break;
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if ((await IncidentReportEndpoints.GetAsync(id, User, contexts, instances, cancellationToken)).Result is not Ok<IncidentView> { Value: { } incident })
        {
            return false;
        }

        Incident = incident;
        IsReporter = string.Equals(incident.ReportedBy, User.UserNameOf(), StringComparison.Ordinal);
        IsHandled = FeedbackEndpoints.IsHandled(incident.Status);
        Mine = IsReporter ? await FeedbackEndpoints.MineAsync(id, User, contexts, cancellationToken) : null;
        return true;
    }
}
