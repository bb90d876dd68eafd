using System.Net;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Api.Tests.Incidents;

/// <summary>
/// A host whose response SLA is one second and whose graded policies escalate first to the development user
/// responder2's roster member at the deadline, so a real breach runs through Hangfire and the outbox.
/// </summary>
public sealed class EscalationHost : IDisposable
{
    private readonly TempFolder folder = new();

    public EscalationHost()
    {
        Factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false), settings: new Dictionary<string, string?>
        {
            ["Emergency:Sla:DefaultResponse"] = "00:00:01",
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.100",
            // Index 20: configuration merges arrays by index, and appsettings.json has a team and policies of its own.
            ["Emergency:Team:20:Id"] = "m-responder2",
            ["Emergency:Team:20:DisplayName"] = "Responder 2",
            ["Emergency:Team:20:Roles:0"] = TeamRoles.Responder,
            // appsettings.json's grade-1..3 policies (indexes 1-3): their first tier's first target becomes m-responder2.
            ["Emergency:Policies:1:Tiers:0:Targets:0"] = "person:m-responder2",
            ["Emergency:Policies:2:Tiers:0:Targets:0"] = "person:m-responder2",
            ["Emergency:Policies:3:Tiers:0:Targets:0"] = "person:m-responder2",
        });
    }

    public ApiFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        folder.Dispose();
    }
}

public sealed class EscalationTimelineTests(EscalationHost host) : IClassFixture<EscalationHost>
{
    [Fact]
    public async Task SlaBreach_EscalationTierReached_OnTheTimelineAndTheRecipientSeesTheIncident()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        using var responder = host.Factory.CreateClientAs("responder");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report()))["id"]!;

        var incident = await IncidentHost.WhenTimelineAsync(lead, id,
            t => t.Any(e => ((string)e["summary"]!).StartsWith("Escalation tier 1 reached", StringComparison.Ordinal))
                && t.Any(e => ((string)e["summary"]!).Contains("sent to m-responder2 via InApp", StringComparison.Ordinal)),
            "the breach escalates and the in-app notice is delivered");

        var lines = IncidentHost.Timeline(incident).Where(t => t.Kind == "Notification").ToList();
        lines.Should().Contain(t => t.Summary.StartsWith("Escalation tier 1 reached (round 1): ", StringComparison.Ordinal)
            && t.Summary.Contains("m-responder2", StringComparison.Ordinal) && t.Actor == "system");
        lines.Should().ContainSingle(t => t.Summary.StartsWith("Notification (escalation) sent to m-responder2 via InApp", StringComparison.Ordinal));
        (await responder.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.OK, "while nobody has responded, any responder may read it");

        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);

        (await responder2.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.OK, "an escalation recipient works on the incident");
        (await responder.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "once answered, a responder nobody notified does not");
    }
}
