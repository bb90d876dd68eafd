using System.Net;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Auth;

/// <summary>Who may call what, over HTTP: anonymous 401, a role too low 403, both as ProblemDetails; the rest 2xx.</summary>
[Collection(SharedHostCollection.Name)]
public class AccessMatrixTests(SharedHost host)
{
    public const string Anonymous = "";

    [Theory]
    [InlineData(Anonymous, "GET", "/api/definitions", HttpStatusCode.Unauthorized)]
    [InlineData("employee", "GET", "/api/definitions", HttpStatusCode.OK)]
    [InlineData("responder", "GET", "/api/definitions", HttpStatusCode.OK)]
    [InlineData(Anonymous, "GET", "/api/instances", HttpStatusCode.Unauthorized)]
    [InlineData("employee", "GET", "/api/instances", HttpStatusCode.Forbidden)]
    [InlineData("responder", "GET", "/api/instances", HttpStatusCode.OK)]
    [InlineData("depthead", "GET", "/api/instances", HttpStatusCode.OK)]
    [InlineData("lead", "GET", "/api/instances", HttpStatusCode.OK)]
    [InlineData("admin", "GET", "/api/instances", HttpStatusCode.OK)]
    [InlineData(Anonymous, "POST", "/api/workflows/personnel-safety/instances", HttpStatusCode.Unauthorized)]
    [InlineData("employee", "POST", "/api/workflows/personnel-safety/instances", HttpStatusCode.Forbidden)]
    [InlineData(Anonymous, "POST", "/api/events/auth-matrix-no-one-waits", HttpStatusCode.Unauthorized)]
    [InlineData("employee2", "POST", "/api/events/auth-matrix-no-one-waits", HttpStatusCode.Forbidden)]
    [InlineData("responder2", "POST", "/api/events/auth-matrix-no-one-waits", HttpStatusCode.OK)]
    [InlineData(Anonymous, "POST", "/api/tasks/any-task/complete", HttpStatusCode.Unauthorized)]
    [InlineData("employee", "POST", "/api/tasks/any-task/complete", HttpStatusCode.Forbidden)]
    [InlineData(Anonymous, "POST", "/api/bookmarks/any-bookmark/resume", HttpStatusCode.Unauthorized)]
    [InlineData("employee", "POST", "/api/bookmarks/any-bookmark/resume", HttpStatusCode.Forbidden)]
    [InlineData(Anonymous, "POST", "/api/instances/any/cancel", HttpStatusCode.Unauthorized)]
    [InlineData("employee", "POST", "/api/instances/any/cancel", HttpStatusCode.Forbidden)]
    [InlineData(Anonymous, "GET", "/api/auth/me", HttpStatusCode.Unauthorized)]
    [InlineData("employee", "GET", "/api/auth/me", HttpStatusCode.OK)]
    [InlineData(Anonymous, "GET", "/health", HttpStatusCode.OK)]
    [InlineData(Anonymous, "GET", "/elsa/api/workflow-definitions", HttpStatusCode.Unauthorized)]
    [InlineData("responder", "GET", "/elsa/api/workflow-definitions", HttpStatusCode.Forbidden)]
    [InlineData("depthead", "GET", "/elsa/api/workflow-definitions", HttpStatusCode.Forbidden)]
    [InlineData("lead", "GET", "/elsa/api/workflow-definitions", HttpStatusCode.OK)]
    [InlineData("admin", "GET", "/elsa/api/workflow-definitions", HttpStatusCode.OK)]
    [InlineData(Anonymous, "GET", "/studio/", HttpStatusCode.Unauthorized)]
    [InlineData("responder", "GET", "/studio/definitions/personnel-safety", HttpStatusCode.Forbidden)]
    [InlineData("lead2", "GET", "/studio/", HttpStatusCode.OK)]
    [InlineData(Anonymous, "GET", "/api/incidents/any/sla", HttpStatusCode.Unauthorized)]
    [InlineData("employee", "POST", "/api/incidents/any/acknowledge", HttpStatusCode.Forbidden)]
    public async Task Endpoint_CalledAsUser_ExpectedStatus(string user, string method, string path, HttpStatusCode expected)
    {
        using var client = user == Anonymous ? host.Factory.CreateAnonymousClient() : host.Factory.CreateClientAs(user);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = ApiClientExtensions.Json("{}");
        }

        using var response = await client.SendAsync(request);

        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var problem = await response.ShouldBeProblemAsync(expected);
            problem.ToJsonString().Should().NotContain("\"id\"", "a refused call shows no data");
            response.Headers.Location.Should().BeNull("API callers get a status, never a redirect to a login page");
        }
        else
        {
            response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Unauthorized_WithoutCredentials_ProblemSaysHowToSignIn()
    {
        using var client = host.Factory.CreateAnonymousClient();

        using var response = await client.GetAsync("/api/instances");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        ((string?)problem["detail"]).Should().Contain("/api/auth/token").And.Contain("/api/auth/login");
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain("Bearer");
    }

    [Fact]
    public async Task Forbidden_RoleTooLow_ProblemNamesTheRefusedCall()
    {
        using var client = host.Factory.CreateClientAs("employee");

        using var response = await client.PostAsync("/api/instances/some-id/cancel", ApiClientExtensions.Json("{}"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        ((string?)problem["detail"]).Should().Contain("POST /api/instances/some-id/cancel");
    }
}
