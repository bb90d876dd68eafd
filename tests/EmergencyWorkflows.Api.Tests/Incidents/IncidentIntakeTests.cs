using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Incidents;

[Collection(IncidentHostCollection.Name)]
public sealed class IncidentIntakeTests(IncidentHost host)
{
    [Fact]
    public async Task Report_ValidCategory_Returns201AndStartsTheCategoryWorkflowUnderTheIncidentId()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        var report = IncidentHost.Report();
        report["attachments"] = new JsonArray(new JsonObject
        {
            ["fileName"] = "stairs.png",
            ["contentType"] = "image/png",
            ["contentBase64"] = Convert.ToBase64String(new byte[300]),
        });

        var created = await IncidentHost.ReportAsync(employee, report);

        var id = (string)created["id"]!;
        ((string)created["status"]!).Should().Be("Reported");
        ((string)created["definitionId"]!).Should().Be("personnel-safety");
        ((bool)created["workflowStarted"]!).Should().BeTrue();
        ((string)created["reportedBy"]!).Should().Be("employee");
        ((int)created["attachments"]![0]!["sizeBytes"]!).Should().Be(300);
        IncidentHost.Steps(created).Should().ContainSingle().Which.Kind.Should().Be("Reported");
        var instance = await host.Factory.CreateClient().GetInstanceAsync(id);
        ((string)instance["definitionId"]!).Should().Be("personnel-safety");
        ((string)instance["correlationId"]!).Should().Be(id);
        ((string)created["sla"]!["state"]!).Should().Be("Pending", "the category workflow started its response SLA");
    }

    [Fact]
    public async Task Report_Casualties_SuggestsLevel1WithTheReason()
    {
        using var employee = host.Factory.CreateClientAs("employee");

        var created = await IncidentHost.ReportAsync(employee, IncidentHost.Report(casualties: 2));

        ((int)created["suggestedGrade"]!["grade"]!).Should().Be(1);
        created["suggestedGrade"]!["reasons"]!.AsArray().Select(r => (string)r!).Should().Contain("2 casualties reported");
        created["grade"].Should().BeNull("the assessor decides the grade; the service only suggests");
    }

    [Fact]
    public async Task Report_UnknownCategory_StartsTriageWithATriageTaskForTheTeam()
    {
        using var employee = host.Factory.CreateClientAs("employee");

        var created = await IncidentHost.ReportAsync(employee, IncidentHost.Report(category: null, situation: "Something strange in the server room"));

        ((string)created["definitionId"]!).Should().Be("triage");
        created["category"].Should().BeNull();
        var instance = await host.Factory.CreateClient().GetInstanceAsync((string)created["id"]!);
        instance.Status().Should().Be("Running");
        instance.Bookmarks("Elsa.RunTask").Should().ContainSingle("the team's one task is to triage the report")
            .Which["activityId"]!.ToString().Should().Be("t3triage00000003", "the Triage task of workflows/triage.json");
    }

    [Fact]
    public async Task Report_MissingAndHostileFields_ReturnsFieldErrorsAndRecordsNothing()
    {
        using var employee = host.Factory.CreateClientAs("employee2");
        var before = await ListIdsAsync(employee);
        var report = IncidentHost.Report();
        report.Remove("location");
        report["initialSituation"] = "<script>alert(1)</script>";
        report["reporter"] = new JsonObject { ["name"] = "Zhang Wei" };
        report["category"] = "alien-invasion";
        report["attachments"] = new JsonArray(
            new JsonObject { ["fileName"] = "big.pdf", ["contentType"] = "application/pdf", ["contentBase64"] = Convert.ToBase64String(new byte[IncidentHost.AttachmentLimit + 1]) },
            new JsonObject { ["fileName"] = "x.exe", ["contentType"] = "application/x-msdownload", ["contentBase64"] = "not base64!" });

        using var response = await employee.PostAsJsonAsync("/api/incidents", report);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        errors.Should().Contain(["location", "initialSituation", "reporter", "category", "attachments[0]", "attachments[1].contentType", "attachments[1].contentBase64"]);
        (await ListIdsAsync(employee)).Should().Equal(before);
    }

    [Fact]
    public async Task Report_BodyOverTheRequestLimit_Returns413AndRecordsNothing()
    {
        using var employee = host.Factory.CreateClientAs("employee2");
        var before = await ListIdsAsync(employee);
        var report = IncidentHost.Report();
        report["attachments"] = new JsonArray(new JsonObject
        {
            ["fileName"] = "huge.pdf",
            ["contentType"] = "application/pdf",
            ["contentBase64"] = Convert.ToBase64String(new byte[1200 * 1024]),
        });

        using var response = await employee.PostAsJsonAsync("/api/incidents", report);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await ListIdsAsync(employee)).Should().Equal(before);
    }

    [Fact]
    public async Task List_FilteredByStatus_ShowsOnlyIncidentsInThatStatus()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var reported = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report()))["id"]!;
        var cancelled = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report()))["id"]!;
        await IncidentHost.PostAsync(lead, $"/api/incidents/{cancelled}/transitions", new { to = "Cancelled", reason = "Duplicate" });

        var list = await lead.GetFromJsonAsync<JsonArray>("/api/incidents?status=cancelled");

        var ids = list!.Select(i => (string)i!["id"]!).ToList();
        ids.Should().Contain(cancelled).And.NotContain(reported);
        list!.Select(i => (string)i!["status"]!).Should().OnlyContain(s => s == "Cancelled");
    }

    [Fact]
    public async Task Report_Anonymous_Returns401()
    {
        using var anonymous = host.Factory.CreateAnonymousClient();

        using var response = await anonymous.PostAsJsonAsync("/api/incidents", IncidentHost.Report());

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Report_PersonalData_NeverReachesTheLogsUnmasked()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        var report = IncidentHost.Report();
        report["reporter"] = new JsonObject { ["name"] = "Ouyang Xiaoming", ["phone"] = "13987654321" };

        await IncidentHost.ReportAsync(employee, report);

        var rendered = host.Factory.Sink.Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)
            + string.Join(' ', e.Properties.Values)).ToList();
        rendered.Should().Contain(l => l.Contains("reported via", StringComparison.Ordinal));
        rendered.Should().NotContain(l => l.Contains("13987654321", StringComparison.Ordinal) || l.Contains("Ouyang Xiaoming", StringComparison.Ordinal));
    }

    private static async Task<List<string>> ListIdsAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonArray>("/api/incidents");
        return list!.Select(i => (string)i!["id"]!).ToList();
    }
}
