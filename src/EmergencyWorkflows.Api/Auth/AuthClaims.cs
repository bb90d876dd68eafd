using System.Security.Claims;

namespace EmergencyWorkflows.Api.Auth;

/// <summary>
/// The claim types both schemes carry (JWT names, unmapped), and the helpers endpoints use to read who is calling.
/// </summary>
internal static class AuthClaims
{
    /// <summary>The user name; <see cref="ClaimsIdentity.Name"/> reads it.</summary>
    public const string UserName = "sub";

    public const string DisplayName = "name";

    public const string Role = "role";

    /// <summary>The emergency team roster member this user is, when they are one.</summary>
    public const string MemberId = "member_id";

    public static string? UserNameOf(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;

    public static string? DisplayNameOf(this ClaimsPrincipal user) => user.FindFirst(DisplayName)?.Value;

    public static string? MemberIdOf(this ClaimsPrincipal user) => user.FindFirst(MemberId)?.Value;

    public static IReadOnlyList<string> RolesOf(this ClaimsPrincipal user) =>
        user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The claims of a configured user, identical for the cookie and the access token.</summary>
    public static List<Claim> For(ApiUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim> { new(UserName, user.UserName), new(DisplayName, user.DisplayName) };
        claims.AddRange(user.Roles.Select(r => new Claim(Role, r)));
        if (user.MemberId is not null)
        {
            claims.Add(new Claim(MemberId, user.MemberId));
        }

        return claims;
    }
}
