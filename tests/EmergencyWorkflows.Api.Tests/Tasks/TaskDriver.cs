using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Tasks;

/// <summary>Works an instance's human tasks the way people would: each user lists /api/tasks/mine and completes what is
/// theirs with a form filled from the task's fields, until the instance has no open task left.</summary>
public static class TaskDriver
{
    public static async Task<JsonArray> MineAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/tasks/mine");
        var json = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        return json.AsArray();
    }

    public static async Task<List<JsonObject>> OpenForAsync(HttpClient client, string instanceId) =>
        [.. (await MineAsync(client)).Select(t => t!.AsObject()).Where(t => (string?)t["instanceId"] == instanceId)];

    /// <summary>A valid form for the task's fields (text "ok", number 1, boolean true, date tomorrow).</summary>
    public static JsonObject FormFor(JsonObject task)
    {
        var form = new JsonObject();
        foreach (var field in task["formFields"]!.AsArray())
        {
            form[(string)field!["name"]!] = (string)field["type"]! switch
            {
                "number" => 1,
                "boolean" => true,
                "date" => DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
                _ => "ok",
            };
        }

        return form;
    }

    public static async Task<JsonObject> CompleteAsync(HttpClient client, JsonObject task, JsonObject? form = null, string? outcome = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome, form = form ?? FormFor(task) });
        var json = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        return json.AsObject();
    }

    /// <summary>Completes every task of the instance as the given users; returns the titles in the order done.</summary>
    public static async Task<List<string>> CompleteAllAsync(string instanceId, params HttpClient[] people)
    {
        var done = new List<string>();
        for (var round = 0; round < 30; round++)
        {
            var progressed = false;
            foreach (var person in people)
            {
                foreach (var task in await OpenForAsync(person, instanceId))
                {
                    await CompleteAsync(person, task);
                    done.Add((string)task["title"]!);
                    progressed = true;
                }
            }

            if (!progressed)
            {
                return done;
            }
        }

        throw new InvalidOperationException($"Instance {instanceId} still had tasks after 30 rounds.");
    }
}
