using System.Security.Claims;
using EmergencyWorkflows.Api.Auth;

namespace EmergencyWorkflows.Api.Web;

/// <summary>What a page may show a user, with the same role ladder as <see cref="AuthPolicies"/>.</summary>
internal static class PageUser
{
    /// <summary>Responders, department heads, team leads and admins work incidents.</summary>
    public static bool IsResponder(this ClaimsPrincipal user) =>
        user.IsInRole(AuthRoles.Responder) || user.IsInRole(AuthRoles.DepartmentHead) || user.IsTeamLead();

    /// <summary>The HR emergency team lead (and admins).</summary>
    public static bool IsTeamLead(this ClaimsPrincipal user) => user.IsInRole(AuthRoles.TeamLead) || user.IsInRole(AuthRoles.Admin);
}
