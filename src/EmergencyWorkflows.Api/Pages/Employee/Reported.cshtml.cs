using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Pages.Employee;

/// <summary><c>/report/{id}/done</c>: the confirmation after a report, read through the API (<see cref="IncidentReportEndpoints.GetAsync"/>),
/// so only someone who may see the incident sees it.</summary>
internal sealed class ReportedModel(IDbContextFactory<WorkflowsDbContext> contexts, IWorkflowInstanceStore instances) : PageModel
{
    public IncidentView Incident { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var answer = await IncidentReportEndpoints.GetAsync(id, User, contexts, instances, cancellationToken);
        if (answer.Result is not Ok<IncidentView> { Value: { } incident })
        {
            return NotFound();
        }

        Incident = incident;
        return Page();
    }
}
