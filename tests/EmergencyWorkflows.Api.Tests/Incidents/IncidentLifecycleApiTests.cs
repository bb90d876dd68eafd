using System.Net;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Api.Tests.Scenarios.IncidentFlow;

namespace EmergencyWorkflows.Api.Tests.Incidents;

[Collection(IncidentHostCollection.Name)]
public sealed class IncidentLifecycleApiTests(IncidentHost host)
{
    private static readonly object Level3Assessment = new { grade = 3, methods = new[] { "OnSiteInspection", "EmployeeFeedback" }, evidence = "Seen on site; one person bruised." };

    [Fact]
    public async Task Incident_ReportAcknowledgeAssessHandleResolveClose_EveryStepOnTheTimeline()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report()))["id"]!;

        (await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/acknowledge", new { note = "on my way" })).Status.Should().Be(HttpStatusCode.OK);
        var responding = await IncidentHost.GetAsync(responder, id);
        ((string)responding["status"]!).Should().Be("Responding", "an acknowledgement moves a reported incident to Responding");

        (await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/assessment", Level3Assessment)).Status
            .Should().Be(HttpStatusCode.Forbidden, "a responder does not grade");
        var assessed = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment", Level3Assessment);
        assessed.Status.Should().Be(HttpStatusCode.OK, assessed.Body.ToJsonString());
        ((string)assessed.Body["status"]!).Should().Be("Assessed");
        ((int)assessed.Body["grade"]!).Should().Be(3);

        await IncidentFlowSteps.StatusAsync(lead, id, "Handling"); // the workflow moves it when the task list opens
        var moved = await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/transitions", new { to = "Resolved" });
        moved.Status.Should().Be(HttpStatusCode.OK, moved.Body.ToJsonString());

        var illegal = await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/transitions", new { to = "Handling" });
        illegal.Status.Should().Be(HttpStatusCode.Conflict);
        ((string)illegal.Body["detail"]!).Should().Contain("cannot move to Handling");

        var closed = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Closed", reason = "done" });
        closed.Status.Should().Be(HttpStatusCode.OK, closed.Body.ToJsonString());
        var final = await IncidentHost.GetAsync(employee, id);
        ((string)final["status"]!).Should().Be("Closed");
        IncidentHost.Steps(final).Select(t => t.Kind).Should().Equal(
            "Reported", "Signal", "Transition", "Assessment", "Transition", "Transition", "Transition", "Transition", "Transition");
        var timeline = IncidentHost.Steps(final).ToList();
        timeline[1].Summary.Should().Contain("Acknowledged").And.Contain("m-responder");
        timeline[2].Summary.Should().Be("Reported → Responding.");
        timeline[3].Actor.Should().Be("lead");
        timeline[^2].Summary.Should().Be("Resolved → Closed.");
        timeline[^2].Actor.Should().Be("lead");
        timeline[^1].Should().Be(("Transition", "The workflow was stopped: the incident was closed before its task list finished.", "workflow"),
            "closed by hand with the task list open, the workflow stops");
        timeline[5].Actor.Should().Be("workflow", "the workflow moved it to Handling");
        timeline[6].Actor.Should().Be("responder", "a person may still move it by hand");
    }

    [Fact]
    public async Task Transition_AfterClose_Returns409WithTheReason()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report()))["id"]!;
        await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Cancelled", reason = "Duplicate report" });

        var again = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Responding" });

        again.Status.Should().Be(HttpStatusCode.Conflict);
        ((string)again.Body["detail"]!).Should().Be("The incident is Cancelled; it cannot move any more.");
    }

    [Fact]
    public async Task Cancel_WithoutReason_Returns400AndChangesNothing_WithReasonCancelsIncidentAndWorkflow()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var responder = host.Factory.CreateClientAs("responder");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report()))["id"]!;
        await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/acknowledge", new { });

        var refused = await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/transitions", new { to = "Cancelled" });
        refused.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)refused.Body["detail"]!).Should().Contain("needs a reason");
        ((string)(await IncidentHost.GetAsync(responder, id))["status"]!).Should().Be("Responding");

        var cancelled = await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/transitions", new { to = "Cancelled", reason = "False alarm: a fire drill" });

        cancelled.Status.Should().Be(HttpStatusCode.OK, cancelled.Body.ToJsonString());
        ((string)cancelled.Body["status"]!).Should().Be("Cancelled");
        ((string)cancelled.Body["cancelReason"]!).Should().Be("False alarm: a fire drill");
        var instance = await host.Factory.CreateClient().GetInstanceAsync(id);
        instance.SubStatus().Should().Be("Cancelled", "a false alarm stops its workflow, timers and escalations too");
    }

    [Fact]
    public async Task Transition_UnknownState_Returns400()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report()))["id"]!;

        var answer = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Exploded" });

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)answer.Body["detail"]!).Should().Contain("Reported, Responding, Assessed");
    }

    [Fact]
    public async Task Assessment_BeforeAnyResponse_Returns409()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report()))["id"]!;

        var answer = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment", Level3Assessment);

        answer.Status.Should().Be(HttpStatusCode.Conflict);
        ((string)answer.Body["detail"]!).Should().Contain("not been responded to");
    }

    [Fact]
    public async Task Assessment_WithoutMethod_Returns400()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report()))["id"]!;

        var answer = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment", new { grade = 2, methods = Array.Empty<string>(), evidence = "x" });

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)answer.Body["detail"]!).Should().Contain("at least one assessment method");
    }
}
