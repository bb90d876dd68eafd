using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Team;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EmergencyWorkflows.Api.Pages.Team;

/// <summary>The emergency team (plan §2) for HR: the roster with masked contacts, who is on call now, the rotations
/// and the escalation policies, read through the Team API's own handlers; deactivated members are listed apart. On call,
/// roster and rotations are live (<c>?handler=Fragment</c>).</summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class IndexModel(WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time) : PageModel
{
    public const string NoticeKey = "TeamNotice";

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public IReadOnlyList<OnCallView> OnCall { get; private set; } = [];

    public IReadOnlyList<RotationView> Rotations { get; private set; } = [];

    public IReadOnlyList<PolicyView> Policies { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[NoticeKey] as string;
        await LoadAsync(cancellationToken);
    }

    /// <summary>The live part (on call, roster, rotations) for site.js to swap in when something changed.</summary>
    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_TeamLive", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = (await TeamMemberEndpoints.ListAsync(db, cancellationToken)).Value ?? [];
        OnCall = (await RotationEndpoints.OnCallAsync(null, db, directory, time, cancellationToken)).Value ?? [];
        Rotations = (await RotationEndpoints.ListAsync(db, time, cancellationToken)).Value ?? [];
        Policies = (await EscalationPolicyEndpoints.ListAsync(db, cancellationToken)).Value ?? [];
    }

    public string NameOf(string? memberId) =>
        memberId is null ? string.Empty : Members.FirstOrDefault(m => m.Id == memberId)?.DisplayName ?? memberId;
}
