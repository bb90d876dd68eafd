using System.Net;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Feedback;

/// <summary>Reports an incident as a given user and drives it to Resolved as the team lead, through the API.</summary>
internal static class FeedbackSteps
{
    /// <summary>A unique place, so a test finds its own incidents among those other tests of the shared host report.</summary>
    public static string UniquePlace(string prefix) => $"{prefix} {Guid.NewGuid():N}";

    public static async Task<string> ReportAsAsync(ApiFactory factory, string userName, string location, string category = "service-interruption")
    {
        using var client = factory.CreateClientAs(userName);
        var report = IncidentHost.Report(category);
        report["location"] = location;
        return (string)(await IncidentHost.ReportAsync(client, report))["id"]!;
    }

    public static async Task ResolveAsync(ApiFactory factory, string id)
    {
        using var lead = factory.CreateClientAs("lead");
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);
        var assessed = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment",
            new { grade = 3, methods = new[] { "OnSiteInspection" }, evidence = "Seen on site" });
        assessed.Status.Should().Be(HttpStatusCode.OK, assessed.Body.ToJsonString());
        // The workflow moves an assessed incident to Handling itself (its task list opens); a lead resolves it by hand.
        await Settle.UntilAsync(async () => (string)(await IncidentHost.GetAsync(lead, id))["status"]!,
            s => s == "Handling", TimeSpan.FromSeconds(20), "the workflow moves the assessed incident to Handling");
        var moved = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Resolved" });
        moved.Status.Should().Be(HttpStatusCode.OK, moved.Body.ToJsonString());
    }

    public static async Task<T> ReadDbAsync<T>(ApiFactory factory, Func<WorkflowsDbContext, Task<T>> read)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await read(db);
    }

    public static async Task<JsonObject> IncidentAsync(ApiFactory factory, string id)
    {
        using var admin = factory.CreateClientAs("admin");
        return await IncidentHost.GetAsync(admin, id);
    }
}
