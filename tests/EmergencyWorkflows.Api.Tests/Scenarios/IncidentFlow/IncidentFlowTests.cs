using System.Net;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Api.Tests.Release;
using EmergencyWorkflows.Api.Tests.Tasks;
using EmergencyWorkflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Scenarios.IncidentFlow;

/// <summary>
/// One incident per category through the HTTP API, end to end with the repository workflows: report → acknowledge →
/// assessment (the workflow waits for it, then opens the category's task list and moves the incident to Handling) →
/// every task done through /api/tasks/mine (the workflow moves it to Resolved; a Level 1 incident first waits for an
/// announcement) → review → Closed (the workflow finishes). The timeline is checked as an ordered subsequence: other
/// entries (notifications, task events of other kinds) may sit between the asserted ones.
/// </summary>
[Collection(IncidentHostCollection.Name)]
public sealed class IncidentFlowTests(IncidentHost host)
{
    [Theory]
    [InlineData("personnel-safety", 1, new[] { "Evacuate people", "First aid / call professional services", "Calm people, psychological support", "Investigate the cause", "Aftercare" })]
    [InlineData("service-interruption", 2, new[] { "Diagnose the cause", "Fail over / restore service", "Inform affected employees", "Review and improve" })]
    [InlineData("complaint-dispute", 3, new[] { "Assign a specialist", "Listen and record", "Propose a resolution (explicit deadline)", "Follow up" })]
    public async Task Incident_ReportToClosedThroughTheApi_WorkflowMovesTheStatusAndTheTimelineTellsTheStory(string category, int grade, string[] tasks)
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        using var lead2 = host.Factory.CreateClientAs("lead2");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report(category)))["id"]!;
        (await TaskDriver.OpenForAsync(responder, id)).Should().BeEmpty("no task opens before the assessment (plan 3.2 before 3.3)");

        await IncidentFlowSteps.AcknowledgeAsync(responder, id);
        IncidentFlowSteps.WaitsFor(await IncidentFlowSteps.InstanceAsync(host.Factory, id), "Assessed").Should().BeTrue("the workflow waits for the assessment");
        (await TaskDriver.OpenForAsync(responder, id)).Should().BeEmpty("acknowledged is not assessed");
        await IncidentFlowSteps.AssessAsync(lead, id, grade);
        await IncidentFlowSteps.StatusAsync(lead, id, "Handling");

        var done = await TaskDriver.CompleteAllAsync(id, responder, lead);

        done.Should().BeEquivalentTo(tasks, "every task of the category's list was done through /api/tasks/mine");
        if (grade == 1)
        {
            var waiting = await Settle.UntilAsync(() => IncidentFlowSteps.InstanceAsync(host.Factory, id),
                i => IncidentFlowSteps.WaitsFor(i, "Announced"), IncidentFlowSteps.Deadline, "the workflow waits for an announcement");
            waiting!.Status.Should().Be(Runtime.Instances.WorkflowStatus.Running, "the Level 1 rule makes the workflow wait, not fail");
            ((string?)(await IncidentHost.GetAsync(lead, id))["status"]).Should().Be("Handling");
            (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements",
                new { message = "Everyone is safe; the stairwell is closed for repair.", channels = new[] { "InternalNotice", "BulletinBoard" } }))
                .Status.Should().Be(HttpStatusCode.Created);
        }

        await IncidentFlowSteps.StatusAsync(lead, id, "Resolved");
        var review = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/review",
            ReleaseSteps.Review(new { title = "Fix the cause", ownerId = "m-responder", dueAt = DateTimeOffset.UtcNow.AddDays(14) }));
        review.Status.Should().Be(HttpStatusCode.Created, review.Body.ToJsonString());
        var close = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Closed", reason = "Handled and reviewed." });
        var closer = "lead";
        if (grade == 1)
        {
            close.Status.Should().Be(HttpStatusCode.Accepted, "closing a Level 1 incident needs a second team lead");
            var approvalId = (string)close.Body["approval"]!["id"]!;
            (await IncidentHost.PostAsync(lead2, $"/api/incidents/{id}/approvals/{approvalId}", new { approve = true })).Status.Should().Be(HttpStatusCode.OK);
            closer = "lead2";
        }
        else
        {
            close.Status.Should().Be(HttpStatusCode.OK, close.Body.ToJsonString());
        }

        var finished = await Settle.UntilAsync(() => host.Factory.CreateClient().GetInstanceAsync(id), i => i.Status() == "Finished",
            IncidentFlowSteps.Deadline, "the workflow finishes once the incident is closed");
        finished.Bookmarks().Should().BeEmpty();
        var incident = await IncidentHost.GetAsync(lead, id);
        ((string?)incident["status"]).Should().Be("Closed");
        ((int?)incident["grade"]).Should().Be(grade);
        var timeline = IncidentHost.Timeline(incident).ToList();
        var expected = new List<(string, string, string)>
        {
            ("Reported", "employee", $"Reported via Web as {category}."),
            ("Signal", "m-responder", "Acknowledged (remote response started) by m-responder"),
            ("Transition", "m-responder", "Reported → Responding."),
            ("Assessment", "lead", $"Assessed as Level {grade} by"),
            ("Transition", "lead", "Responding → Assessed."),
            ("Transition", "workflow", "Assessed → Handling."),
        };
        if (grade == 1)
        {
            expected.Add(("Announcement", "lead", "Announcement #1 published via"));
        }

        expected.AddRange([
            ("Transition", "workflow", "Handling → Resolved."),
            ("Review", "lead", "Review recorded with 1 improvement action(s)."),
            ("Transition", "lead", "Resolved → Reviewed."),
            ("Transition", closer, "Reviewed → Closed."),
        ]);
        timeline.ShouldContainInOrder([.. expected]);
        var handlingAt = timeline.FindIndex(t => t.Summary == "Assessed → Handling.");
        var resolvedAt = timeline.FindIndex(t => t.Summary == "Handling → Resolved.");
        timeline.Skip(handlingAt).Take(resolvedAt - handlingAt).Where(t => t.Kind == "Task" && t.Summary.Contains("\" completed by m-", StringComparison.Ordinal))
            .Should().HaveCount(tasks.Length, "every task was completed while the incident was Handling, before the workflow resolved it");
        timeline.Count(t => t.Summary == "Assessed → Handling.").Should().Be(1, "the workflow moves each status once");
        timeline.Should().NotContain(t => t.Summary.StartsWith("The workflow was stopped", StringComparison.Ordinal), "it finished on its own");
    }

    [Fact]
    public async Task Incident_LeadMovesItByHandFirst_WorkflowDoesNotMoveItAgain()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report("service-interruption")))["id"]!;
        await IncidentFlowSteps.AcknowledgeAsync(responder, id);
        await IncidentFlowSteps.AssessAsync(lead, id, 3);
        await IncidentFlowSteps.StatusAsync(lead, id, "Handling");

        var resolvedByHand = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Resolved", reason = "Fixed by the vendor." });
        resolvedByHand.Status.Should().Be(HttpStatusCode.OK, resolvedByHand.Body.ToJsonString());
        await TaskDriver.CompleteAllAsync(id, responder, lead);
        await Settle.UntilAsync(() => IncidentFlowSteps.InstanceAsync(host.Factory, id), i => IncidentFlowSteps.WaitsFor(i, "Closed"),
            IncidentFlowSteps.Deadline, "the workflow passed its own Resolved step");
        await Settle.UntilAsync(() => PendingOutboxAsync(id), n => n == 0, IncidentFlowSteps.Deadline, "the workflow's status move was delivered");

        var timeline = IncidentHost.Timeline(await IncidentHost.GetAsync(lead, id)).ToList();
        timeline.Where(t => t.Summary == "Handling → Resolved.").Should().ContainSingle().Which.Actor.Should().Be("lead");
        timeline.Should().NotContain(t => t.Actor == "workflow" && t.Summary.Contains("could not move", StringComparison.Ordinal),
            "a status already reached is not an error");
    }

    [Fact]
    public async Task WorkflowStatusMessage_DeliveredTwice_MovesOnceWithOneTimelineEntry()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report("complaint-dispute")))["id"]!;
        await IncidentFlowSteps.AcknowledgeAsync(responder, id);
        await IncidentFlowSteps.AssessAsync(lead, id, 2);
        await IncidentFlowSteps.StatusAsync(lead, id, "Handling");
        var ledger = host.Factory.Services.GetRequiredService<EmergencyWorkflows.Api.Incidents.IncidentLedger>();

        await ledger.ApplyWorkflowStatusAsync(id, "Handling", "again", "HandlingStarts", CancellationToken.None);
        await ledger.ApplyWorkflowStatusAsync(id, "Resolved", "too early", "Test", CancellationToken.None);
        await ledger.ApplyWorkflowStatusAsync(id, "Resolved", "too early", "Test", CancellationToken.None);

        var incident = await IncidentHost.GetAsync(lead, id);
        ((string?)incident["status"]).Should().Be("Resolved", "Handling → Resolved is legal for Level 2 and applied once");
        var timeline = IncidentHost.Timeline(incident).ToList();
        timeline.Count(t => t.Summary == "Assessed → Handling.").Should().Be(1);
        timeline.Count(t => t.Summary == "Handling → Resolved.").Should().Be(1);
    }

    [Fact]
    public async Task WorkflowStatusMessage_RefusedByTheRules_RecordedOnceAndNotForced()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report("personnel-safety")))["id"]!;
        await IncidentFlowSteps.AcknowledgeAsync(responder, id);
        await IncidentFlowSteps.AssessAsync(lead, id, 1);
        await IncidentFlowSteps.StatusAsync(lead, id, "Handling");
        var ledger = host.Factory.Services.GetRequiredService<EmergencyWorkflows.Api.Incidents.IncidentLedger>();

        await ledger.ApplyWorkflowStatusAsync(id, "Resolved", null, "AllTasksDoneResolved", CancellationToken.None);
        await ledger.ApplyWorkflowStatusAsync(id, "Resolved", null, "AllTasksDoneResolved", CancellationToken.None);

        var incident = await IncidentHost.GetAsync(lead, id);
        ((string?)incident["status"]).Should().Be("Handling", "a Level 1 incident is not resolved before an announcement");
        IncidentHost.Timeline(incident).Where(t => t.Actor == "workflow" && t.Summary.StartsWith("The workflow could not move the incident from Handling to Resolved", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Summary.Should().Contain("announcement");
    }

    [Fact]
    public async Task Regrade_WhileTasksAreOpen_OpenTasksTakeTheNewGradesDeadlineOnTheTimeline()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report("service-interruption")))["id"]!;
        await IncidentFlowSteps.AcknowledgeAsync(responder, id);
        await IncidentFlowSteps.AssessAsync(lead, id, 3);
        var restore = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string?)t["title"] == "Fail over / restore service");
        var createdAt = restore["createdAt"]!.GetValue<DateTimeOffset>();
        restore["due"]!.GetValue<DateTimeOffset>().Should().Be(createdAt.AddHours(4), "Level 3 gives four hours (dueByGrade)");

        var regrade = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment",
            new { grade = 1, methods = new[] { "Data" }, evidence = "The whole campus is offline.", reason = "Far more people affected than reported." });

        regrade.Status.Should().Be(HttpStatusCode.OK, regrade.Body.ToJsonString());
        var moved = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string?)t["id"] == (string?)restore["id"]);
        moved["due"]!.GetValue<DateTimeOffset>().Should().Be(createdAt.AddMinutes(30), "Level 1 gives thirty minutes");
        var incident = await Settle.UntilAsync(() => IncidentHost.GetAsync(lead, id),
            i => IncidentHost.Timeline(i).Any(t => t.Summary.StartsWith("Task \"Fail over / restore service\" follows the new grade", StringComparison.Ordinal)),
            IncidentFlowSteps.Deadline, "the re-timed task is on the timeline");
        IncidentHost.Timeline(incident).ToList().ShouldContainInOrder(
            ("Edit", "lead", "Regraded from Level 3 to Level 1."),
            ("Task", "workflow", "Task \"Fail over / restore service\" follows the new grade (Level 3 → Level 1): due"));
    }

    [Fact]
    public async Task Triage_UnknownReportRecategorised_TriageStopsAndTheCategoryWorkflowRunsForTheSameIncident()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report(category: null, situation: "Nobody can log in")))["id"]!;
        var triage = (await TaskDriver.OpenForAsync(lead, id)).Should().ContainSingle("the team's task is to triage the report").Subject;
        ((string?)triage["title"]).Should().Be("Triage the report");
        await IncidentFlowSteps.AcknowledgeAsync(responder, id);
        ((string?)(await IncidentHost.GetAsync(lead, id))["sla"]!["state"]).Should().Be("Met", "the triage workflow runs the response SLA");

        var unknown = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/category", new { category = "weather", reason = "Storm" });
        var noReason = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/category", new { category = "service-interruption" });
        var stranger = await IncidentHost.PostAsync(responder2, $"/api/incidents/{id}/category", new { category = "service-interruption", reason = "x" });
        unknown.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string?)unknown.Body["detail"]).Should().Contain("'category' must be one of");
        noReason.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string?)noReason.Body["detail"]).Should().Contain("'reason' is required");
        stranger.Status.Should().Be(HttpStatusCode.NotFound, "a responder who does not work on the incident does not see it");
        ((string?)(await IncidentHost.GetAsync(lead, id))["definitionId"]).Should().Be("triage", "refused requests change nothing");

        var moved = await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/category",
            new { category = "service-interruption", reason = "The mail server is down for the whole office." });

        moved.Status.Should().Be(HttpStatusCode.OK, moved.Body.ToJsonString());
        ((string?)moved.Body["category"]).Should().Be("service-interruption");
        ((string?)moved.Body["definitionId"]).Should().Be("service-interruption");
        var triageInstance = await host.Factory.CreateClient().GetInstanceAsync(id);
        triageInstance.Status().Should().Be("Finished");
        triageInstance.SubStatus().Should().Be("Cancelled");
        var category = await host.Factory.CreateClient().GetInstanceAsync($"{id}-service-interruption");
        category.Status().Should().Be("Running");
        ((string?)category["correlationId"]).Should().Be(id);
        ((string?)moved.Body["sla"]!["state"]).Should().Be("Met", "the response given during triage is carried over, not asked again");
        (await TaskDriver.OpenForAsync(lead, id)).Should().BeEmpty("the triage task went with its workflow");
        var again = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/category", new { category = "complaint-dispute", reason = "Changed my mind" });
        again.Status.Should().Be(HttpStatusCode.Conflict);
        ((string?)again.Body["detail"]).Should().Contain("already categorised as service-interruption");

        await IncidentFlowSteps.AssessAsync(lead, id, 2);
        await IncidentFlowSteps.StatusAsync(lead, id, "Handling");
        var tasks = await TaskDriver.OpenForAsync(responder, $"{id}-service-interruption");
        tasks.Select(t => (string?)t["title"]).Should().BeEquivalentTo("Diagnose the cause", "Fail over / restore service");
        await TaskDriver.CompleteAsync(responder, tasks.Single(t => (string?)t["title"] == "Diagnose the cause"));
        var settled = await IncidentHost.WhenTimelineAsync(lead, id,
            t => t.Any(e => ((string)e["summary"]!).StartsWith("Task \"Diagnose the cause\" completed", StringComparison.Ordinal)),
            "the completion line arrives through the outbox");

        IncidentHost.Timeline(settled).ToList().ShouldContainInOrder(
            ("Reported", "employee", "Reported via Web; category unknown"),
            ("Signal", "m-responder", "Acknowledged (remote response started)"),
            ("Transition", "m-responder", "Reported → Responding."),
            ("Edit", "responder", "Re-categorised from unknown to service-interruption"),
            ("Assessment", "lead", "Assessed as Level 2"),
            ("Transition", "lead", "Responding → Assessed."),
            ("Transition", "workflow", "Assessed → Handling."),
            ("Task", "responder", "Task \"Diagnose the cause\" completed by m-responder: Done."));
    }

    [Fact]
    public async Task Assessment_CommittedButTheProcessDiedBeforeTheWakeUp_StartUpSweepOpensTheTasks()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(lead, IncidentHost.Report("complaint-dispute")))["id"]!;
        await IncidentFlowSteps.AcknowledgeAsync(responder, id);
        var contexts = host.Factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // What a committed assessment leaves behind, without the wake-up that follows it.
            await db.Incidents.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Grade, 2).SetProperty(i => i.Status, "Assessed"));
        }

        (await TaskDriver.OpenForAsync(responder, id)).Should().BeEmpty("nobody woke the workflow");

        var woken = await host.Factory.Services.GetRequiredService<EmergencyWorkflows.Api.Incidents.IncidentStartSweeper>().WakeOpenAsync(CancellationToken.None);

        woken.Should().BeGreaterThan(0);
        (await TaskDriver.OpenForAsync(responder, id)).Select(t => (string?)t["title"]).Should().Equal("Listen and record");
        await IncidentFlowSteps.StatusAsync(lead, id, "Handling");
    }

    private async Task<int> PendingOutboxAsync(string id)
    {
        var contexts = host.Factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Outbox.CountAsync(o => o.InstanceId == id && o.DispatchedAt == null);
    }
}
