using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.ElsaApi;

/// <summary>Definition models as Elsa Studio posts them, and small helpers to call /elsa/api like it does.</summary>
public static class ElsaModels
{
    public const string ElsaBase = "/elsa/api";

    /// <summary>Start → WriteLine(text) → RunTask("approve") → End: waits on a task so an instance stays on its version.</summary>
    public static JsonObject Waiting(string? definitionId, string name, string text) => new()
    {
        ["definitionId"] = definitionId,
        ["id"] = null,
        ["name"] = name,
        ["version"] = 1,
        ["isLatest"] = true,
        ["isPublished"] = false,
        ["toolVersion"] = "3.8.0.0",
        ["createdAt"] = "0001-01-01T00:00:00+00:00",
        ["variables"] = new JsonArray(),
        ["root"] = Flowchart(
            [
                Activity("start", "Elsa.Start"),
                Activity("line", "Elsa.WriteLine", ("text", Literal(text))),
                Activity("task", "Elsa.RunTask", ("taskName", Literal("approve"))),
                Activity("end", "Elsa.End"),
            ],
            [Connect("start", "Done", "line"), Connect("line", "Done", "task"), Connect("task", "Done", "end")]),
    };

    public static JsonObject Flowchart(JsonObject[] activities, JsonObject[] connections) => new()
    {
        ["id"] = "root",
        ["type"] = "Elsa.Flowchart",
        ["version"] = 1,
        ["name"] = "Flowchart1",
        ["activities"] = new JsonArray(activities.Select(a => (JsonNode)a).ToArray()),
        ["connections"] = new JsonArray(connections.Select(c => (JsonNode)c).ToArray()),
    };

    public static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        return activity;
    }

    public static JsonObject Literal(string value) => Expression("Literal", value);

    public static JsonObject Expression(string type, string value) => new()
    {
        ["typeName"] = null,
        ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
        ["memoryReference"] = null,
    };

    public static JsonObject Connect(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        ["vertices"] = new JsonArray(),
    };

    public static async Task<HttpResponseMessage> SaveAsync(this HttpClient client, JsonObject model, bool? publish) =>
        await client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = publish });

    /// <summary>Saves and returns the <c>workflowDefinition</c> of the answer, asserting 200.</summary>
    public static async Task<JsonObject> SavedAsync(this HttpClient client, JsonObject model, bool? publish)
    {
        using var response = await client.SaveAsync(model, publish);
        var body = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, body.ToJsonString());
        return body["workflowDefinition"]!.AsObject();
    }

    public static async Task<JsonObject> GetElsaAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(ElsaBase + path);
        var body = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, body.ToJsonString());
        return body.AsObject();
    }

    public static IEnumerable<string?> Rels(this JsonNode? links) => links!.AsArray().Select(l => (string?)l!["rel"]);

    public static string NewDefinitionId() => "studio-" + Guid.NewGuid().ToString("N")[..12];
}
