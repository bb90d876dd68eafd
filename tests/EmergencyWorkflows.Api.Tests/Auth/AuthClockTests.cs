using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Api.Tests.Auth;

/// <summary>
/// Token lifetime and the cookie's inactivity timeout, on a host whose TimeProvider is a FakeTimeProvider
/// (root appsettings: tokens live 1 h with 30 s skew, sessions end after 30 min without requests).
/// </summary>
public sealed class AuthClockTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly ApiFactory factory;

    public AuthClockTests()
    {
        factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false),
            services => services.AddSingleton<TimeProvider>(clock));
    }

    [Fact]
    public async Task Bearer_TokenPastItsLifetime_UnauthorizedProblem()
    {
        using var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.MintToken("lead"));
        using (var fresh = await client.GetAsync("/api/auth/me"))
        {
            fresh.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        clock.Advance(TimeSpan.FromMinutes(59));
        using (var nearlyExpired = await client.GetAsync("/api/auth/me"))
        {
            nearlyExpired.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(31));
        using var expired = await client.GetAsync("/api/auth/me");

        var problem = await expired.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        ((string?)problem["detail"]).Should().Contain("expired");
    }

    [Fact]
    public async Task Cookie_NoRequestsLongerThanIdleTimeout_SessionEnds()
    {
        using var browser = await SignedInBrowserAsync();

        clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await browser.GetAsync("/api/auth/me");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cookie_RequestsWithinIdleTimeout_SessionSlidesPastTheFirstExpiry()
    {
        using var browser = await SignedInBrowserAsync();

        foreach (var minutes in new[] { 20, 20, 20 })
        {
            clock.Advance(TimeSpan.FromMinutes(minutes));
            using var active = await browser.GetAsync("/api/auth/me");
            active.StatusCode.Should().Be(HttpStatusCode.OK, "a request every 20 minutes keeps a 30-minute idle session alive");
        }

        clock.Advance(TimeSpan.FromMinutes(31));
        using var idle = await browser.GetAsync("/api/auth/me");
        await idle.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    public void Dispose()
    {
        factory.Dispose();
        folder.Dispose();
    }

    private async Task<HttpClient> SignedInBrowserAsync()
    {
        var browser = factory.CreateAnonymousClient();
        using var login = await browser.PostAsJsonAsync("/api/auth/login", new { userName = "responder", password = "responder-dev" });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        return browser;
    }
}
