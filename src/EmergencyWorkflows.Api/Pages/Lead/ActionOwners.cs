using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Pages.Lead;

/// <summary>
/// Who may own an improvement action: the emergency team roster, and the users who are roster members by their member
/// id (Auth:Users MemberId), since an owner marks their own action done by that id.
/// </summary>
internal static class ActionOwners
{
    public static async Task<IReadOnlyList<OwnerOption>> LoadAsync(WorkflowsDbContext db, IOptions<AuthOptions> auth, CancellationToken cancellationToken)
    {
        var roster = await db.TeamMembers.AsNoTracking().OrderBy(m => m.Position).Select(m => new OwnerOption(m.Id, m.DisplayName)).ToListAsync(cancellationToken);
        var known = roster.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var users = auth.Value.Users
            .Where(u => !string.IsNullOrWhiteSpace(u.MemberId) && !known.Contains(u.MemberId!))
            .Select(u => new OwnerOption(u.MemberId!, u.DisplayName ?? u.UserName))
            .DistinctBy(o => o.Id);
        return [.. roster, .. users];
    }
}
