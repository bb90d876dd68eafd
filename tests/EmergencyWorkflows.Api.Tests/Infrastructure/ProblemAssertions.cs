using System.Net;
using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Api.Tests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 7807 answer with the given status, a detail, and no stack trace.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", text);
        text.Should().NotContain("   at ", "a stack trace must never reach a client");
        var problem = JsonNode.Parse(text)!.AsObject();
        ((int?)problem["status"]).Should().Be((int)status);
        problem["title"].Should().NotBeNull();
        ((string?)problem["detail"]).Should().NotBeNullOrWhiteSpace("every error says what was wrong");
        return problem;
    }
}
