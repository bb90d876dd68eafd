using System.Net;
using EmergencyWorkflows.Api.Tests.Infrastructure;

using EmergencyWorkflows.Api.Tests.Scenarios.IncidentFlow;

namespace EmergencyWorkflows.Api.Tests.Incidents;

[Collection(IncidentHostCollection.Name)]
public sealed class FourEyesApiTests(IncidentHost host)
{
    [Fact]
    public async Task Downgrade_Level1_WaitsForASecondTeamLead_RequesterAdminAndResponderCannotApprove()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await Level1IncidentAsync(lead);

        var noReason = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment", new { grade = 3, methods = new[] { "Data" }, evidence = "x" });
        noReason.Status.Should().Be(HttpStatusCode.BadRequest, "a regrade is audited with a reason");

        var asked = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment",
            new { grade = 3, methods = new[] { "Data" }, evidence = "Only a bruise after all", reason = "Nobody was badly hurt" });
        asked.Status.Should().Be(HttpStatusCode.Accepted, asked.Body.ToJsonString());
        var approvalId = (string)asked.Body["approval"]!["id"]!;
        ((int)(await IncidentHost.GetAsync(lead, id))["grade"]!).Should().Be(1, "nothing changes before the second lead approves");

        var self = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/approvals/{approvalId}", new { approve = true });
        self.Status.Should().Be(HttpStatusCode.Forbidden);
        ((string)self.Body["detail"]!).Should().Contain("cannot approve their own request");
        using var admin = host.Factory.CreateClientAs("admin");
        (await IncidentHost.PostAsync(admin, $"/api/incidents/{id}/approvals/{approvalId}", new { approve = true })).Status
            .Should().Be(HttpStatusCode.Forbidden, "four eyes means a second team lead");
        using var responder = host.Factory.CreateClientAs("responder");
        (await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/approvals/{approvalId}", new { approve = true })).Status
            .Should().Be(HttpStatusCode.Forbidden);

        using var lead2 = host.Factory.CreateClientAs("lead2");
        var approved = await IncidentHost.PostAsync(lead2, $"/api/incidents/{id}/approvals/{approvalId}", new { approve = true, note = "Agreed" });

        approved.Status.Should().Be(HttpStatusCode.OK, approved.Body.ToJsonString());
        ((int)approved.Body["grade"]!).Should().Be(3);
        var timeline = IncidentHost.Timeline(approved.Body).ToList();
        timeline.Should().Contain(t => t.Kind == "Approval" && t.Actor == "lead" && t.Summary.Contains("requested", StringComparison.Ordinal));
        timeline.Should().Contain(t => t.Kind == "Approval" && t.Actor == "lead2" && t.Summary.Contains("approved", StringComparison.Ordinal));
        timeline.Should().Contain(t => t.Kind == "Edit" && t.Summary == "Regraded from Level 1 to Level 3.");
        var twice = await IncidentHost.PostAsync(lead2, $"/api/incidents/{id}/approvals/{approvalId}", new { approve = true });
        twice.Status.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Close_Level1_NeedsReviewThenASecondTeamLead()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        using var lead2 = host.Factory.CreateClientAs("lead2");
        var id = await Level1IncidentAsync(lead);
        await IncidentFlowSteps.StatusAsync(lead, id, "Handling"); // the workflow moves it when the task list opens
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new { message = "Handled.", channels = new[] { "InternalNotice" } }))
            .Status.Should().Be(HttpStatusCode.Created, "a Level 1 incident is announced before it is resolved");
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Resolved" })).Status.Should().Be(HttpStatusCode.OK);

        var withoutReview = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Closed" });
        withoutReview.Status.Should().Be(HttpStatusCode.Conflict);
        ((string)withoutReview.Body["detail"]!).Should().Contain("cannot close without a review");
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/review", new { whatHappened = "A fall", rootCause = "Wet floor", lessons = "Signs", actions = Array.Empty<object>() }))
            .Status.Should().Be(HttpStatusCode.Created);

        var asked = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Closed", reason = "All actions done" });
        asked.Status.Should().Be(HttpStatusCode.Accepted, asked.Body.ToJsonString());
        ((string)(await IncidentHost.GetAsync(lead, id))["status"]!).Should().Be("Reviewed");

        var approved = await IncidentHost.PostAsync(lead2, $"/api/incidents/{id}/approvals/{(string)asked.Body["approval"]!["id"]!}", new { });

        approved.Status.Should().Be(HttpStatusCode.OK, approved.Body.ToJsonString());
        ((string)approved.Body["status"]!).Should().Be("Closed");
        // Steps: delivery lines (the page at report, the announcement) land in the background, at any point.
        IncidentHost.Steps(approved.Body).TakeLast(2).Should().Equal(("Transition", "Reviewed → Closed.", "lead2"),
            ("Transition", "The workflow was stopped: the incident was closed before its task list finished.", "workflow"));
    }

    [Fact]
    public async Task Upgrade_ToLevel1_NeedsNoApproval()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report()))["id"]!;
        await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/acknowledge", new { });
        await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment", new { grade = 3, methods = new[] { "Data" }, evidence = "minor" });

        var upgraded = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment",
            new { grade = 1, methods = new[] { "OnSiteInspection" }, evidence = "fracture", reason = "Hospital confirmed a fracture" });

        upgraded.Status.Should().Be(HttpStatusCode.OK, upgraded.Body.ToJsonString());
        ((int)upgraded.Body["grade"]!).Should().Be(1);
        IncidentHost.Timeline(upgraded.Body).Where(t => t.Kind == "Edit").Should().ContainSingle() // the workflow's entries may follow
            .Which.Should().Be(("Edit", "Regraded from Level 3 to Level 1.", "lead"));
    }

    private static async Task<string> Level1IncidentAsync(HttpClient lead)
    {
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report(casualties: 1)))["id"]!;
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);
        var assessed = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment",
            new { grade = 1, methods = new[] { "OnSiteInspection" }, evidence = "One person injured" });
        assessed.Status.Should().Be(HttpStatusCode.OK, assessed.Body.ToJsonString());
        return id;
    }
}
