using System.Net;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Auth;

/// <summary>/hangfire: closed to anonymous callers, read-only for signed-in users, actions for admins.</summary>
[Collection(SharedHostCollection.Name)]
public class HangfireDashboardTests(SharedHost host)
{
    private const string RequeueAction = "/hangfire/jobs/actions/requeue/no-such-job";

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/scheduled")]
    public async Task Dashboard_Anonymous_Unauthorized(string path)
    {
        using var anonymous = host.Factory.CreateAnonymousClient();

        using var response = await anonymous.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Hangfire Dashboard").And.NotContain("Scheduled Jobs");
    }

    [Fact]
    public async Task Dashboard_AnonymousAction_Refused()
    {
        using var anonymous = host.Factory.CreateAnonymousClient();

        using var response = await anonymous.PostAsync(RequeueAction, null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("employee")]
    [InlineData("responder")]
    [InlineData("admin")]
    public async Task Dashboard_SignedInUser_PageShown(string user)
    {
        using var client = host.Factory.CreateClientAs(user);

        using var response = await client.GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
    }

    [Fact]
    public async Task Dashboard_ResponderAction_RefusedAsReadOnly()
    {
        using var client = host.Factory.CreateClientAs("responder");

        using var response = await PostActionAsync(client);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "Hangfire refuses commands on a read-only dashboard");
    }

    [Fact]
    public async Task Dashboard_AdminAction_CommandRuns()
    {
        using var client = host.Factory.CreateClientAs("admin");

        using var response = await PostActionAsync(client);

        // 422 is Hangfire's answer when the command ran and found no such job: the admin was let through.
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    /// <summary>
    /// Posts a dashboard command as the dashboard's own script does: with the antiforgery header and token the
    /// dashboard page rendered (the service registers antiforgery for its pages, and Hangfire then requires it).
    /// </summary>
    private static async Task<HttpResponseMessage> PostActionAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/hangfire");
        var html = await page.Content.ReadAsStringAsync();
        var header = System.Text.RegularExpressions.Regex.Match(html, "<meta name=\"csrf-header\" content=\"([^\"]+)\"");
        var token = System.Text.RegularExpressions.Regex.Match(html, "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
        header.Success.Should().BeTrue("the dashboard renders its antiforgery header name");
        token.Success.Should().BeTrue("the dashboard renders its antiforgery token");
        using var request = new HttpRequestMessage(HttpMethod.Post, RequeueAction);
        request.Headers.Add(WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
        return await client.SendAsync(request);
    }
}
