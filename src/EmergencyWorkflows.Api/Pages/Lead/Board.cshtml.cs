using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Pages.Lead;

/// <summary><c>/lead</c>: the live board of open incidents with their SLA state; the table reloads on every change (SSE).</summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class BoardModel(IDbContextFactory<WorkflowsDbContext> contexts, IWorkflowInstanceStore instances, TimeProvider time) : PageModel
{
    public BoardView Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Board = await LeadBoard.LoadAsync(contexts, instances, time, User, cancellationToken);

    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken cancellationToken)
    {
        Board = await LeadBoard.LoadAsync(contexts, instances, time, User, cancellationToken);
        return Partial("_BoardTable", Board);
    }
}
