using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Incidents;

[Collection(IncidentHostCollection.Name)]
public sealed class IncidentAccessMatrixTests(IncidentHost host)
{
    [Theory]
    [InlineData("employee", HttpStatusCode.OK)]
    [InlineData("employee2", HttpStatusCode.NotFound)]
    [InlineData("responder", HttpStatusCode.OK)]
    [InlineData("responder2", HttpStatusCode.OK)]
    [InlineData("depthead", HttpStatusCode.OK)]
    [InlineData("lead", HttpStatusCode.OK)]
    [InlineData("lead2", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Read_SomeoneElsesUnansweredReport_TheReporterTheTeamAndLeadsSeeItNoOtherEmployee(string user, HttpStatusCode expected)
    {
        var id = await EmployeeReportAsync();
        using var client = host.Factory.CreateClientAs(user);

        using var response = await client.GetAsync($"/api/incidents/{id}");
        var listed = (await client.GetFromJsonAsync<JsonArray>("/api/incidents"))!.Select(i => (string)i!["id"]!);

        response.StatusCode.Should().Be(expected);
        listed.Contains(id).Should().Be(expected == HttpStatusCode.OK, "the list shows exactly what the caller may read");
        if (expected == HttpStatusCode.NotFound)
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            problem.ToJsonString().Should().NotContain("Zhang Wei").And.NotContain("Building A", "a refusal leaks nothing of the incident");
            ((string)problem["detail"]!).Should().Be($"No incident '{id}' exists.", "the same answer as for an id that does not exist");
        }
    }

    [Fact]
    public async Task Responder_UnansweredReportOfSomeoneElse_MayReadButNotChangeIt()
    {
        var id = await EmployeeReportAsync();
        using var responder2 = host.Factory.CreateClientAs("responder2");

        using var read = await responder2.GetAsync($"/api/incidents/{id}");
        var cancel = await IncidentHost.PostAsync(responder2, $"/api/incidents/{id}/transitions", new { to = "Cancelled", reason = "not mine" });

        read.StatusCode.Should().Be(HttpStatusCode.OK, "an unanswered report is an open call to the whole team");
        cancel.Status.Should().Be(HttpStatusCode.NotFound, "changing it needs to work on it first (respond, be assigned or notified)");
        using var lead = host.Factory.CreateClientAs("lead");
        ((string)(await IncidentHost.GetAsync(lead, id))["status"]!).Should().Be("Reported");
    }

    [Fact]
    public async Task Responder_AfterResponding_SeesTheIncident_OtherRespondersStillDoNot()
    {
        var id = await EmployeeReportAsync();
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");

        (await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);

        (await responder.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await responder2.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await responder.GetAsync($"/api/incidents/{id}/sla")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await responder2.GetAsync($"/api/incidents/{id}/sla")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the SLA is part of the incident");
    }

    [Theory]
    [InlineData("employee", "transitions", HttpStatusCode.Forbidden)]
    [InlineData("employee2", "transitions", HttpStatusCode.Forbidden)]
    [InlineData("responder2", "transitions", HttpStatusCode.NotFound)]
    [InlineData("employee", "assessment", HttpStatusCode.Forbidden)]
    [InlineData("responder2", "assessment", HttpStatusCode.Forbidden)]
    [InlineData("employee2", "approvals/x", HttpStatusCode.Forbidden)]
    [InlineData("responder", "approvals/x", HttpStatusCode.Forbidden)]
    public async Task Change_WithoutTheRightOrSight_IsRefusedAndChangesNothing(string user, string action, HttpStatusCode expected)
    {
        var id = await EmployeeReportAsync();
        using var client = host.Factory.CreateClientAs(user);

        using var response = await client.PostAsJsonAsync($"/api/incidents/{id}/{action}",
            new { to = "Cancelled", reason = "not mine", grade = 3, methods = new[] { "Data" }, evidence = "x", approve = true });

        await response.ShouldBeProblemAsync(expected);
        using var lead = host.Factory.CreateClientAs("lead");
        var incident = await IncidentHost.GetAsync(lead, id);
        ((string)incident["status"]!).Should().Be("Reported");
        IncidentHost.Steps(incident).Should().ContainSingle();
    }

    private async Task<string> EmployeeReportAsync()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        return (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report()))["id"]!;
    }
}
