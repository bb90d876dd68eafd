using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Api.Tests.Metrics;

/// <summary>
/// The real host on a FakeTimeProvider with two personnel-safety incidents reported at <see cref="ReportedAt"/>:
/// <see cref="Acknowledged"/> (acknowledged 2 minutes later, then graded Level 2) and <see cref="NeverAcknowledged"/> (no
/// response, so not graded either: assessing needs a response first; the clock then stands 6 minutes after the report, past the 5-minute deadline). Only these
/// tests use this host, and none of them changes its data.
/// </summary>
public sealed class MetricsHost : IAsyncLifetime, IDisposable
{
    public static readonly DateTimeOffset ReportedAt = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();

    public MetricsHost()
    {
        Factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false),
            services => services.AddSingleton<TimeProvider>(Clock));
    }

    public FakeTimeProvider Clock { get; } = new(ReportedAt);

    public ApiFactory Factory { get; }

    public string Acknowledged { get; private set; } = null!;

    public string NeverAcknowledged { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var lead = Factory.CreateClientAs("lead");
        Acknowledged = await ReportAsync(lead, "A colleague fainted in the canteen");
        NeverAcknowledged = await ReportAsync(lead, "Smoke in the server room");
        await SlaStartedAsync(lead, Acknowledged);
        await SlaStartedAsync(lead, NeverAcknowledged);

        Clock.Advance(TimeSpan.FromMinutes(2));
        using (var ack = await lead.PostAsJsonAsync($"/api/incidents/{Acknowledged}/acknowledge", new { by = "m-responder" }))
        {
            ack.StatusCode.Should().Be(HttpStatusCode.OK, await ack.Content.ReadAsStringAsync());
        }

        using (var assess = await lead.PostAsJsonAsync($"/api/incidents/{Acknowledged}/assessment",
                   new { grade = 2, methods = new[] { "OnSiteInspection" }, evidence = "Checked on site." }))
        {
            assess.StatusCode.Should().Be(HttpStatusCode.OK, await assess.Content.ReadAsStringAsync());
        }

        Clock.Advance(TimeSpan.FromMinutes(4));
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Factory.Dispose();
        folder.Dispose();
    }

    private async Task<string> ReportAsync(HttpClient client, string situation)
    {
        using var response = await client.PostAsJsonAsync("/api/incidents", new JsonObject
        {
            ["occurredAt"] = Clock.GetUtcNow().AddMinutes(-10),
            ["location"] = "Building A",
            ["peopleInvolved"] = new JsonArray("Wang Fang"),
            ["peopleAffected"] = 1,
            ["category"] = "personnel-safety",
            ["initialSituation"] = situation,
            ["reporter"] = new JsonObject { ["name"] = "Zhang Wei", ["phone"] = "13812345678" },
            ["channel"] = "Web",
        });
        var body = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body.ToJsonString());
        return (string)body["id"]!;
    }

    private static Task<HttpStatusCode> SlaStartedAsync(HttpClient client, string id) => Settle.UntilAsync(
        async () =>
        {
            using var response = await client.GetAsync($"/api/incidents/{id}/sla");
            return response.StatusCode;
        },
        status => status == HttpStatusCode.OK,
        TimeSpan.FromSeconds(15),
        $"incident {id}'s workflow starts its response SLA");
}

[CollectionDefinition(Name)]
public sealed class MetricsHostCollection : ICollectionFixture<MetricsHost>
{
    public const string Name = "Metrics host";
}
