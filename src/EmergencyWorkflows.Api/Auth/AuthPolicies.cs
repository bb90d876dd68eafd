using Microsoft.AspNetCore.Authorization;

namespace EmergencyWorkflows.Api.Auth;

/// <summary>
/// The authorization policies endpoints name (<c>group.RequireAuthorization(AuthPolicies.Responder)</c>). Each admits
/// the roles above it: Responder admits department heads, team leads and admins; TeamLead admits admins.
/// </summary>
internal static class AuthPolicies
{
    /// <summary>Any signed-in employee.</summary>
    public const string Reporter = "Reporter";

    /// <summary>Whoever works incidents: responders, department heads, team leads, admins.</summary>
    public const string Responder = "Responder";

    /// <summary>The HR emergency team lead (and admins): edits definitions, policies, the roster.</summary>
    public const string TeamLead = "TeamLead";

    /// <summary>Admins only.</summary>
    public const string Admin = "Admin";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Reporter, p => p.RequireAuthenticatedUser())
        .AddPolicy(Responder, p => p.RequireAuthenticatedUser()
            .RequireRole(AuthRoles.Responder, AuthRoles.DepartmentHead, AuthRoles.TeamLead, AuthRoles.Admin))
        .AddPolicy(TeamLead, p => p.RequireAuthenticatedUser().RequireRole(AuthRoles.TeamLead, AuthRoles.Admin))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(AuthRoles.Admin));
}
