using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Incidents;

/// <summary>The real host with the repository workflows and a small attachment limit (64 KiB) so oversized files are cheap.</summary>
public sealed class IncidentHost : IDisposable
{
    public const int AttachmentLimit = 64 * 1024;
    private readonly TempFolder folder = new();

    public IncidentHost()
    {
        Factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false), settings: new Dictionary<string, string?>
        {
            ["Emergency:Reports:MaxAttachmentBytes"] = AttachmentLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Emergency:Reviews:ReminderInterval"] = "00:00:00.200",
            ["Emergency:Announcements:Templates:service-interruption:en:Title"] = "Service notice: {{category}}, {{level}}",
            ["Emergency:Announcements:Templates:service-interruption:en:Body"] = "{{message}} (at {{location}}, {{status}}) {{unknown}}",
        });
    }

    public ApiFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        folder.Dispose();
    }

    public static JsonObject Report(string? category = "personnel-safety", string situation = "A colleague slipped on the stairs", int? casualties = null) => new()
    {
        ["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-10),
        ["location"] = "Building A, 3rd floor",
        ["peopleInvolved"] = new JsonArray("Wang Fang"),
        ["peopleAffected"] = 1,
        ["category"] = category,
        ["initialSituation"] = situation,
        ["reporter"] = new JsonObject { ["name"] = "Zhang Wei", ["phone"] = "13812345678" },
        ["channel"] = "Web",
        ["casualties"] = casualties,
    };

    public static async Task<JsonObject> ReportAsync(HttpClient client, JsonObject report)
    {
        using var response = await client.PostAsJsonAsync("/api/incidents", report);
        var json = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, json.ToJsonString());
        response.Headers.Location!.ToString().Should().Be($"/api/incidents/{(string)json["id"]!}");
        return json.AsObject();
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/incidents/{id}");
        var json = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        return json.AsObject();
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        return (response.StatusCode, (await response.ReadJsonAsync()).AsObject());
    }

    public static IEnumerable<(string Kind, string Summary, string Actor)> Timeline(JsonObject incident) =>
        incident["timeline"]!.AsArray().Select(t => ((string)t!["kind"]!, (string)t["summary"]!, (string)t["actor"]!));

    /// <summary>The timeline without the lines the workflow's tasks and the deliveries add in the background (outbox):
    /// what the request-driven steps wrote, in order.</summary>
    public static IEnumerable<(string Kind, string Summary, string Actor)> Steps(JsonObject incident) =>
        Timeline(incident).Where(t => t.Kind is not ("Task" or "Notification"));

    /// <summary>Reads the incident until its timeline satisfies <paramref name="settled"/> (background lines arrive
    /// through the outbox); returns the incident as last read.
    /// The caller may not see it yet either (participants arrive with those lines).</summary>
    public static async Task<JsonObject> WhenTimelineAsync(HttpClient client, string id, Func<List<JsonObject>, bool> settled, string what) =>
        (await Settle.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/api/incidents/{id}");
                return response.StatusCode == HttpStatusCode.OK ? (await response.ReadJsonAsync()).AsObject() : null;
            },
            i => i is not null && settled([.. i["timeline"]!.AsArray().Select(t => t!.AsObject())]),
            TimeSpan.FromSeconds(20),
            what))!;
}

[CollectionDefinition(Name)]
public sealed class IncidentHostCollection : ICollectionFixture<IncidentHost>
{
    public const string Name = "Incident host";
}
