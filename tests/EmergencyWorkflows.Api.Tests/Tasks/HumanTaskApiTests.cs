using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Api.Tests.Scenarios.IncidentFlow;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Tasks;

[Collection(IncidentHostCollection.Name)]
public sealed class HumanTaskApiTests(IncidentHost host)
{
    [Fact]
    public async Task Mine_RoleTasks_ListedForTheRoleOnlyWithFormAndDue()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        using var employee = host.Factory.CreateClientAs("employee");
        var id = await IncidentFlowSteps.ReportAssessedAsync(host.Factory, employee, "service-interruption", grade: 2);

        var mine = await TaskDriver.OpenForAsync(responder, id);
        var leads = await TaskDriver.OpenForAsync(lead, id);

        mine.Select(t => (string)t["title"]!).Should().BeEquivalentTo("Diagnose the cause", "Fail over / restore service");
        leads.Select(t => (string)t["title"]!).Should().Equal("Inform affected employees");
        var diagnose = mine.Single(t => (string)t["title"]! == "Diagnose the cause");
        diagnose["due"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(30), TimeSpan.FromMinutes(2));
        diagnose["formFields"]!.AsArray().Select(f => (string)f!["name"]!).Should().Equal("cause");
        using var reporterList = await employee.GetAsync("/api/tasks/mine");
        reporterList.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a reporter has no tasks to work");
    }

    [Fact]
    public async Task Claim_ThenOtherResponder_DoesNotSeeItAndCannotCompleteIt()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        using var employee = host.Factory.CreateClientAs("employee");
        var id = await IncidentFlowSteps.ReportAssessedAsync(host.Factory, employee, "personnel-safety");
        var evacuate = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string)t["title"]! == "Evacuate people");

        var claimed = await IncidentHost.PostAsync(responder, $"/api/tasks/{evacuate["id"]}/claim", new { });

        claimed.Status.Should().Be(HttpStatusCode.OK, claimed.Body.ToJsonString());
        var after = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string)t["id"]! == (string)evacuate["id"]!);
        ((string?)after["claimedBy"]).Should().Be("m-responder");
        (await TaskDriver.OpenForAsync(responder2, id)).Select(t => (string)t["id"]!).Should().NotContain((string)evacuate["id"]!);
        var stolen = await IncidentHost.PostAsync(responder2, $"/api/tasks/{evacuate["id"]}/complete",
            new { form = TaskDriver.FormFor(evacuate) });
        stolen.Status.Should().Be(HttpStatusCode.Forbidden, stolen.Body.ToJsonString());
        ((string)stolen.Body["detail"]!).Should().Contain("claimed by m-responder");
        var again = await IncidentHost.PostAsync(responder2, $"/api/tasks/{evacuate["id"]}/claim", new { });
        again.Status.Should().Be(HttpStatusCode.Conflict);
        var incident = await IncidentHost.WhenTimelineAsync(responder, id,
            t => t.Any(e => ((string)e["summary"]!).Contains(" claimed by ", StringComparison.Ordinal)), "the claim on the timeline");
        IncidentHost.Timeline(incident).Where(t => t.Summary.Contains(" claimed by ", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Be(("Task", "Task \"Evacuate people\" claimed by m-responder.", "responder"));
    }

    [Fact]
    public async Task TaskOfAnotherRole_ForAResponder_404AndUnknownTask404()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        using var employee = host.Factory.CreateClientAs("employee");
        var id = await IncidentFlowSteps.ReportAssessedAsync(host.Factory, employee, "service-interruption");
        var inform = (await TaskDriver.OpenForAsync(lead, id)).Single();

        var claim = await IncidentHost.PostAsync(responder, $"/api/tasks/{inform["id"]}/claim", new { });
        var complete = await IncidentHost.PostAsync(responder, $"/api/tasks/{inform["id"]}/complete", new { form = TaskDriver.FormFor(inform) });
        var unknown = await IncidentHost.PostAsync(responder, $"/api/tasks/{id}:nope/claim", new { });

        claim.Status.Should().Be(HttpStatusCode.NotFound, "a team-lead task is none of a responder's business");
        complete.Status.Should().Be(HttpStatusCode.NotFound);
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        (await TaskDriver.OpenForAsync(lead, id)).Should().ContainSingle("nothing changed");
    }

    [Fact]
    public async Task Complete_BadForm_400WithEveryProblemAndTaskStaysOpen()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var employee = host.Factory.CreateClientAs("employee");
        var id = await IncidentFlowSteps.ReportAssessedAsync(host.Factory, employee, "personnel-safety");
        var evacuate = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string)t["title"]! == "Evacuate people");

        var bad = await IncidentHost.PostAsync(responder, $"/api/tasks/{evacuate["id"]}/complete",
            new { form = new { evacuated = "many", extra = 1 } });
        var badOutcome = await IncidentHost.PostAsync(responder, $"/api/tasks/{evacuate["id"]}/complete",
            new { outcome = "Escalated", form = TaskDriver.FormFor(evacuate) });

        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)bad.Body["detail"]!).Should().Contain("'evacuated' must be a number")
            .And.Contain("'assemblyPoint' (Assembly point) is required").And.Contain("'extra' is not a field");
        badOutcome.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)badOutcome.Body["detail"]!).Should().Contain("'outcome' must be one of: Done");
        (await TaskDriver.OpenForAsync(responder, id)).Select(t => (string)t["id"]!).Should().Contain((string)evacuate["id"]!);
        using var lead = host.Factory.CreateClientAs("lead");
        var opened = await IncidentHost.WhenTimelineAsync(lead, id,
            t => t.Any(e => ((string)e["summary"]!).StartsWith("Task \"Evacuate people\" opened", StringComparison.Ordinal)), "the task opened");
        IncidentHost.Timeline(opened).Should().NotContain(t => t.Summary.Contains(" completed by ", StringComparison.Ordinal), "a refused completion is no event");
    }

    [Fact]
    public async Task Reassign_ToADeactivatedMember_ConflictAndTheTaskStaysWhereItWas()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        using var employee = host.Factory.CreateClientAs("employee");
        var gone = "m-left-" + Guid.NewGuid().ToString("N")[..8];
        var created = await IncidentHost.PostAsync(lead, "/api/team/members", new { id = gone, displayName = "Left", roles = new[] { "responder" } });
        var deactivated = await IncidentHost.PostAsync(lead, $"/api/team/members/{gone}/deactivate", new { reason = "Left the company" });
        var id = await IncidentFlowSteps.ReportAssessedAsync(host.Factory, employee, "personnel-safety");
        var firstAid = (await TaskDriver.OpenForAsync(responder, id)).Single(t => ((string)t["title"]!).StartsWith("First aid", StringComparison.Ordinal));

        var refused = await IncidentHost.PostAsync(responder, $"/api/tasks/{firstAid["id"]}/reassign", new { to = gone, reason = "x" });

        created.Status.Should().Be(HttpStatusCode.Created, created.Body.ToJsonString());
        deactivated.Status.Should().Be(HttpStatusCode.OK, deactivated.Body.ToJsonString());
        refused.Status.Should().Be(HttpStatusCode.Conflict, refused.Body.ToJsonString());
        ((string)refused.Body["detail"]!).Should().Contain($"'{gone}' is a deactivated team member");
        (await TaskDriver.OpenForAsync(responder, id)).Select(t => (string)t["id"]!).Should().Contain((string)firstAid["id"]!);
    }

    [Fact]
    public async Task Reassign_ToAPerson_MovesTheTaskAndRecordsTheReason()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        using var employee = host.Factory.CreateClientAs("employee");
        var id = await IncidentFlowSteps.ReportAssessedAsync(host.Factory, employee, "personnel-safety");
        var firstAid = (await TaskDriver.OpenForAsync(responder, id)).Single(t => ((string)t["title"]!).StartsWith("First aid", StringComparison.Ordinal));

        var noReason = await IncidentHost.PostAsync(responder, $"/api/tasks/{firstAid["id"]}/reassign", new { to = "m-responder2" });
        var nobody = await IncidentHost.PostAsync(responder, $"/api/tasks/{firstAid["id"]}/reassign", new { to = "m-ghost", reason = "x" });
        var moved = await IncidentHost.PostAsync(responder, $"/api/tasks/{firstAid["id"]}/reassign", new { to = "m-responder2", reason = "Trained first aider" });

        noReason.Status.Should().Be(HttpStatusCode.BadRequest);
        nobody.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)nobody.Body["detail"]!).Should().Contain("'m-ghost' is neither");
        moved.Status.Should().Be(HttpStatusCode.OK, moved.Body.ToJsonString());
        (await TaskDriver.OpenForAsync(responder, id)).Select(t => (string)t["id"]!).Should().NotContain((string)firstAid["id"]!);
        var theirs = (await TaskDriver.OpenForAsync(responder2, id)).Where(t => (string)t["id"]! == (string)firstAid["id"]!).ToList();
        theirs.Should().ContainSingle().Which["assignee"]!.ToString().Should().Be("m-responder2");
        await TaskDriver.CompleteAsync(responder2, theirs[0]);
        var incident = await IncidentHost.WhenTimelineAsync(responder, id,
            t => t.Any(e => ((string)e["summary"]!).Contains("First aid / call professional services\" completed", StringComparison.Ordinal)), "the completion");
        var entries = incident["timeline"]!.AsArray().Select(e => e!.AsObject())
            .Where(e => ((string)e["summary"]!).StartsWith("Task \"First aid", StringComparison.Ordinal)).ToList();
        entries.Should().HaveCount(3);
        ((string)entries[0]["summary"]!).Should().StartWith("Task \"First aid / call professional services\" opened for responder");
        entries.Skip(1).Select(e => (string)e["summary"]!).Should().Equal(
            "Task \"First aid / call professional services\" reassigned from responder to m-responder2.",
            "Task \"First aid / call professional services\" completed by m-responder2: Done.");
        ((string?)entries[1]["detail"]).Should().Be("Trained first aider", "the reason is recorded with the reassignment");
        ((string?)entries[1]["actor"]).Should().Be("responder");
    }

    [Fact]
    public async Task Assessed_OpensTheTaskList_EveryOpenedTaskOnTheTimelineWithItsAssignee()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await IncidentFlowSteps.ReportAssessedAsync(host.Factory, employee, "service-interruption");

        var incident = await IncidentHost.WhenTimelineAsync(lead, id,
            t => t.Count(e => ((string)e["summary"]!).Contains("\" opened for ", StringComparison.Ordinal)) >= 3, "the three first tasks opened");

        var opened = IncidentHost.Timeline(incident).Where(t => t.Kind == "Task").ToList();
        opened.Should().Contain(t => t.Summary.StartsWith("Task \"Diagnose the cause\" opened for responder, due ", StringComparison.Ordinal) && t.Actor == "system");
        opened.Should().Contain(t => t.Summary.StartsWith("Task \"Inform affected employees\" opened for ", StringComparison.Ordinal));
        opened.Should().OnlyHaveUniqueItems("each line is written once");
    }

    [Fact]
    public async Task Reassign_ToAPerson_ThatPersonBecomesAParticipantAndSeesTheIncident()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        using var employee = host.Factory.CreateClientAs("employee");
        var id = await IncidentFlowSteps.ReportAssessedAsync(host.Factory, employee, "personnel-safety");
        (await responder2.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "not theirs yet");
        var evacuate = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string)t["title"]! == "Evacuate people");

        var moved = await IncidentHost.PostAsync(responder, $"/api/tasks/{evacuate["id"]}/reassign", new { to = "m-responder2", reason = "Closer to the building" });

        moved.Status.Should().Be(HttpStatusCode.OK, moved.Body.ToJsonString());
        var seen = await Settle.UntilAsync(async () => (await responder2.GetAsync($"/api/incidents/{id}")).StatusCode,
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "the assignee becomes a participant");
        seen.Should().Be(HttpStatusCode.OK);
        using var other = host.Factory.CreateClientAs("employee2");
        (await other.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nobody else gains sight");
    }

    [Fact]
    public async Task TimelineMessage_DeliveredTwice_OneEntryAndOneParticipant()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report("personnel-safety")))["id"]!;
        var handler = host.Factory.Services.GetServices<EmergencyWorkflows.Runtime.Execution.IOutboxMessageHandler>()
            .Single(h => h.Kind == "Emergency.Timeline");
        var message = new EmergencyWorkflows.Runtime.Instances.OutboxMessage($"Emergency.Timeline/{id}:t9/1", id, handler.Kind, new JsonObject
        {
            ["at"] = DateTimeOffset.UtcNow,
            ["actor"] = "system",
            ["kind"] = "Task",
            ["summary"] = "Task \"Check the stairs\" opened for m-responder2.",
            ["participants"] = new JsonArray(new JsonObject { ["who"] = "m-responder2", ["role"] = "Assigned" }),
        }, DateTimeOffset.UtcNow);

        await handler.HandleAsync(message, CancellationToken.None);
        await handler.HandleAsync(message, CancellationToken.None);

        IncidentHost.Timeline(await IncidentHost.GetAsync(lead, id)).Where(t => t.Summary.Contains("Check the stairs", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Be(("Task", "Task \"Check the stairs\" opened for m-responder2.", "system"));
        (await responder2.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.OK, "the assignee is a participant");
    }

    [Fact]
    public async Task OverdueMessage_DeliveredTwice_OneTimelineEntry()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await IncidentFlowSteps.ReportAssessedAsync(host.Factory, employee, "personnel-safety");
        var handler = host.Factory.Services.GetServices<EmergencyWorkflows.Runtime.Execution.IOutboxMessageHandler>()
            .Single(h => h.Kind == "Emergency.TaskOverdue");
        var message = new EmergencyWorkflows.Runtime.Instances.OutboxMessage($"task-overdue/{id}:t1", id, handler.Kind, new JsonObject
        {
            ["taskId"] = $"{id}:t1",
            ["title"] = "Evacuate people",
            ["assignee"] = "responder",
            ["due"] = new DateTimeOffset(2026, 12, 1, 9, 15, 0, TimeSpan.Zero),
            ["notified"] = 4,
        }, DateTimeOffset.UtcNow);

        await handler.HandleAsync(message, CancellationToken.None);
        await handler.HandleAsync(message, CancellationToken.None);

        // Only the overdue lines: the task-opened lines of the assessed incident arrive in the background meanwhile.
        IncidentHost.Timeline(await IncidentHost.GetAsync(lead, id)).Where(t => t.Kind == "Task" && t.Summary.Contains(" is overdue ", StringComparison.Ordinal))
            .Should().ContainSingle()
            .Which.Should().Be(("Task", "Task \"Evacuate people\" is overdue (due 2026-12-01 09:15:00Z, assigned to responder); 4 escalation notification(s) sent.", "system"));
    }
}
