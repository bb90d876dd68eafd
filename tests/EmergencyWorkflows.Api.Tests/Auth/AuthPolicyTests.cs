using System.Security.Claims;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Auth;

/// <summary>The policies as the host registered them, role by role; and no /api or /elsa/api endpoint left open by mistake.</summary>
[Collection(SharedHostCollection.Name)]
public class AuthPolicyTests(SharedHost host)
{
    [Theory]
    [InlineData(null, false, false, false, false)]
    [InlineData("Reporter", true, false, false, false)]
    [InlineData("Responder", true, true, false, false)]
    [InlineData("DepartmentHead", true, true, false, false)]
    [InlineData("TeamLead", true, true, true, false)]
    [InlineData("Admin", true, true, true, true)]
    public async Task Policy_UserWithRole_AdmitsOnlyRolesAtOrAboveIt(string? role, bool reporter, bool responder, bool teamLead, bool admin)
    {
        var authorization = host.Factory.Services.GetRequiredService<IAuthorizationService>();
        var user = role is null
            ? new ClaimsPrincipal(new ClaimsIdentity())
            : new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "someone"), new Claim("role", role)], "Test", "sub", "role"));

        var admitted = new List<bool>();
        foreach (var policy in new[] { AuthPolicies.Reporter, AuthPolicies.Responder, AuthPolicies.TeamLead, AuthPolicies.Admin })
        {
            admitted.Add((await authorization.AuthorizeAsync(user, policy)).Succeeded);
        }

        admitted.Should().Equal(reporter, responder, teamLead, admin);
    }

    [Fact]
    public void ApiEndpoints_All_RequireAuthorizationUnlessOnTheAnonymousList()
    {
        var anonymousAllowed = new[] { "/api/auth/token", "/api/auth/login", "/api/auth/logout" };
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw
                && (raw.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("/elsa/api", StringComparison.OrdinalIgnoreCase)))
            .ToList();

        endpoints.Should().HaveCountGreaterThan(5);
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!;
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                var allowed = anonymousAllowed.Contains(route, StringComparer.OrdinalIgnoreCase)
                    || route.StartsWith("/api/ack", StringComparison.OrdinalIgnoreCase);
                allowed.Should().BeTrue($"{route} is anonymous but not on the list of anonymous endpoints");
            }
            else
            {
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Should().NotBeEmpty($"{route} must require an authenticated user");
            }
        }
    }

    [Fact]
    public void RoleNames_RosterSpelling_NormalizeToCanonicalRoles()
    {
        AuthRoles.Normalize("team-lead").Should().Be(AuthRoles.TeamLead);
        AuthRoles.Normalize("department_head").Should().Be(AuthRoles.DepartmentHead);
        AuthRoles.Normalize("ADMIN").Should().Be(AuthRoles.Admin);
        AuthRoles.Normalize("wizard").Should().BeNull();
    }
}
