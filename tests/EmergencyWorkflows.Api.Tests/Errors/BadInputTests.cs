using System.Net;
using System.Net.Http.Json;
using System.Text;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Errors;

/// <summary>Bad input never gets a 500 or a stack trace, always ProblemDetails, and changes nothing that was stored.</summary>
[Collection(SharedHostCollection.Name)]
public class BadInputTests(SharedHost host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task StartInstance_MalformedJson_BadRequestProblemNamingJson()
    {
        using var response = await Client.PostAsync("/api/workflows/personnel-safety/instances", ApiClientExtensions.Json("{\"input\": {"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((string?)problem["detail"]).Should().Contain("JSON");
    }

    [Fact]
    public async Task RequestLog_MalformedJson_RecordsStatus400()
    {
        var path = $"/api/workflows/{Guid.NewGuid():N}/instances";

        using var response = await Client.PostAsync(path, ApiClientExtensions.Json("{"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.Factory.Sink.Events.Should().ContainSingle(e =>
                e.Properties.ContainsKey("RequestPath") && e.Properties["RequestPath"].ToString() == $"\"{path}\"")
            .Which.Properties["StatusCode"].ToString().Should().Be("400");
    }

    [Theory]
    [InlineData("{\"input\": 5}")]
    [InlineData("{\"input\": [1, 2]}")]
    [InlineData("{\"correlationId\": {\"a\": 1}}")]
    [InlineData("[]")]
    public async Task StartInstance_WrongTypes_BadRequestProblem(string body)
    {
        using var response = await Client.PostAsync("/api/workflows/personnel-safety/instances", ApiClientExtensions.Json(body));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StartInstance_WrongContentType_UnsupportedMediaTypeProblem()
    {
        using var response = await Client.PostAsync("/api/workflows/personnel-safety/instances",
            new StringContent("input=1", Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task StartInstance_UnknownDefinition_NotFoundProblem()
    {
        using var response = await Client.PostAsJsonAsync("/api/workflows/no-such-definition/instances", new { });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        ((string?)problem["detail"]).Should().Contain("no-such-definition");
    }

    [Fact]
    public async Task StartInstance_BodyOverLimit_PayloadTooLargeProblem()
    {
        var huge = "{\"input\": {\"blob\": \"" + new string('x', 2 * 1024 * 1024) + "\"}}";

        using var response = await Client.PostAsync("/api/workflows/personnel-safety/instances", ApiClientExtensions.Json(huge));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task StartInstance_ChunkedBodyOverLimit_PayloadTooLargeProblem()
    {
        var huge = Encoding.UTF8.GetBytes("{\"input\": {\"blob\": \"" + new string('x', 2 * 1024 * 1024) + "\"}}");
        using var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/personnel-safety/instances") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task RaiseEvent_DeeplyNestedPayload_BadRequestProblem()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        using var response = await Client.PostAsync("/api/events/anything", ApiClientExtensions.Json("{\"payload\": " + nested + "}"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((string?)problem["detail"]).Should().Contain("depth");
    }

    [Theory]
    [InlineData("GET", "/api/no-such-route")]
    [InlineData("GET", "/api/instances/no-such-instance")]
    [InlineData("GET", "/api/definitions/no-such-definition")]
    [InlineData("POST", "/api/bookmarks/no-such-bookmark/resume")]
    public async Task UnknownThings_NotFoundProblem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = ApiClientExtensions.Json("{}");
        }

        using var response = await Client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListInstances_UnknownStatus_BadRequestProblem()
    {
        using var response = await Client.GetAsync("/api/instances?status=Sleeping");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((string?)problem["detail"]).Should().Contain("Sleeping");
    }

    [Fact]
    public async Task WrongMethod_MethodNotAllowedProblem()
    {
        using var response = await Client.DeleteAsync("/api/definitions");

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task BadRequestsAgainstAStoredInstance_LeaveItUnchanged()
    {
        var started = await Client.StartAsync("durable-approval");
        var id = started.Id();
        var taskId = (string)started.Bookmarks("Elsa.RunTask").First()["key"]!;
        var bookmarkId = (string)started.Bookmarks("Elsa.RunTask").Last()["id"]!;
        var before = (await Client.GetInstanceAsync(id)).ToJsonString();
        var huge = "{\"result\": \"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var nested = "{\"input\": " + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200) + "}";

        var attempts = new (string Path, HttpContent Body, HttpStatusCode Expected)[]
        {
            ($"/api/tasks/{taskId}/complete", ApiClientExtensions.Json("{\"result\": "), HttpStatusCode.BadRequest),
            ($"/api/tasks/{taskId}/complete", ApiClientExtensions.Json(huge), HttpStatusCode.RequestEntityTooLarge),
            ($"/api/bookmarks/{bookmarkId}/resume", ApiClientExtensions.Json("{\"input\": \"not an object\"}"), HttpStatusCode.BadRequest),
            ($"/api/bookmarks/{bookmarkId}/resume", ApiClientExtensions.Json(nested), HttpStatusCode.BadRequest),
            ($"/api/bookmarks/{bookmarkId}/resume", new StringContent("x", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType),
            ($"/api/instances/{id}/events/x", ApiClientExtensions.Json("not json"), HttpStatusCode.BadRequest),
        };

        foreach (var (path, body, expected) in attempts)
        {
            using (body)
            using (var response = await Client.PostAsync(path, body))
            {
                await response.ShouldBeProblemAsync(expected);
            }
        }

        (await Client.GetInstanceAsync(id)).ToJsonString().Should().Be(before);
    }
}
