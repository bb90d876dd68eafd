using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Api.Tests.Infrastructure;

/// <summary>Small HTTP helpers; responses are read as JSON nodes so that tests see exactly what a client sees.</summary>
public static class ApiClientExtensions
{
    public static async Task<JsonObject> StartAsync(this HttpClient client, string definitionId, object? body = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/workflows/{definitionId}/instances", body ?? new { });
        var json = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, json.ToJsonString());
        return json.AsObject();
    }

    public static async Task<JsonObject> GetInstanceAsync(this HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/instances/{id}");
        var json = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        return json.AsObject();
    }

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static IEnumerable<JsonObject> Bookmarks(this JsonObject instance, string? name = null) =>
        instance["bookmarks"]!.AsArray().Select(b => b!.AsObject())
            .Where(b => name is null || (string?)b["name"] == name);

    public static string Status(this JsonObject instance) => (string)instance["status"]!;

    public static string SubStatus(this JsonObject instance) => (string)instance["subStatus"]!;

    public static string Id(this JsonObject instance) => (string)instance["id"]!;
}
