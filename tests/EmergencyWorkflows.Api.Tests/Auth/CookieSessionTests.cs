using System.Net;
using System.Net.Http.Json;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Auth;

/// <summary>Cookie sign-in for pages and Elsa Studio: same users and roles as the tokens, HttpOnly, SameSite, logout ends it.</summary>
[Collection(SharedHostCollection.Name)]
public class CookieSessionTests(SharedHost host)
{
    [Fact]
    public async Task Login_ValidCredentials_HttpOnlySameSiteCookieAndMeWorks()
    {
        using var browser = host.Factory.CreateAnonymousClient();

        using var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "lead", password = "lead-dev" });
        var body = await login.ReadJsonAsync();

        login.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        ((string?)body["userName"]).Should().Be("lead");
        var setCookie = login.Headers.GetValues("Set-Cookie").Should().ContainSingle().Subject;
        setCookie.Should().StartWith("ew.auth=");
        setCookie.ToLowerInvariant().Should().Contain("httponly").And.Contain("samesite=lax");

        using var me = await browser.GetAsync("/api/auth/me");
        var json = await me.ReadJsonAsync();
        me.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        ((string?)json["userName"]).Should().Be("lead");
        ((string?)json["memberId"]).Should().Be("m-lead");
        json["roles"]!.AsArray().Select(r => (string?)r).Should().Equal("Reporter", "TeamLead");

        using var instances = await browser.GetAsync("/api/instances");
        instances.StatusCode.Should().Be(HttpStatusCode.OK, "the cookie carries the TeamLead role, which the Responder policy admits");
    }

    [Fact]
    public async Task Logout_AfterLogin_SessionEnds()
    {
        using var browser = host.Factory.CreateAnonymousClient();
        using (var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "responder", password = "responder-dev" }))
        {
            login.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using (var before = await browser.GetAsync("/api/auth/me"))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var logout = await browser.PostAsync("/api/auth/logout", null);
        using var after = await browser.GetAsync("/api/auth/me");

        logout.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_WrongPassword_UnauthorizedProblemAndNoCookie()
    {
        using var browser = host.Factory.CreateAnonymousClient();

        using var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "lead", password = "lead-wrong" });

        var problem = await login.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        ((string?)problem["detail"]).Should().Be("The user name or password is incorrect.");
        login.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Fact]
    public async Task Cookie_RoleTooLow_ForbiddenProblemNotRedirect()
    {
        using var browser = host.Factory.CreateAnonymousClient();
        using (var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "employee", password = "employee-dev" }))
        {
            login.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var response = await browser.GetAsync("/api/instances");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        response.Headers.Location.Should().BeNull();
    }
}
