using System.Net;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Scenarios.IncidentFlow;

namespace EmergencyWorkflows.Api.Tests.Release;

/// <summary>Drives an incident through the API to the point a release or review test starts from.</summary>
internal static class ReleaseSteps
{
    public static async Task<string> HandlingAsync(HttpClient lead, int grade, string category = "personnel-safety")
    {
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report(category, casualties: grade == 1 ? 1 : null)))["id"]!;
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);
        var assessed = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment",
            new { grade, methods = new[] { "OnSiteInspection" }, evidence = "Seen on site" });
        assessed.Status.Should().Be(HttpStatusCode.OK, assessed.Body.ToJsonString());
        await IncidentFlowSteps.StatusAsync(lead, id, "Handling"); // the workflow moves it once the tasks open
        return id;
    }

    public static async Task<string> ResolvedAsync(HttpClient lead, int grade)
    {
        var id = await HandlingAsync(lead, grade);
        if (grade == 1)
        {
            (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new { message = "Under control.", channels = new[] { "BulletinBoard" } }))
                .Status.Should().Be(HttpStatusCode.Created);
        }

        var resolved = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Resolved" });
        resolved.Status.Should().Be(HttpStatusCode.OK, resolved.Body.ToJsonString());
        return id;
    }

    public static object Review(params object[] actions) => new
    {
        whatHappened = "The mail service was down for two hours.",
        rootCause = "An expired certificate.",
        lessons = "Monitor certificate expiry.",
        actions,
    };
}
