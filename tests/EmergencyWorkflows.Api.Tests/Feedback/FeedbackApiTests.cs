using System.Net;
using System.Net.Http.Json;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Tests.Feedback;

/// <summary>POST/GET /api/incidents/{id}/feedback and /api/suggestions: who may, when, validation, durability, timeline.</summary>
[Collection(SharedHostCollection.Name)]
public class FeedbackApiTests(SharedHost host)
{
    [Fact]
    public async Task Feedback_ReporterOnResolvedIncident_StoredOnTimelineAndReadByLead()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Canteen"));
        await FeedbackSteps.ResolveAsync(host.Factory, id);
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");

        using var given = await employee.PostAsJsonAsync($"/api/incidents/{id}/feedback", new { satisfaction = 4, comments = "Quick and kind." });
        var body = await given.ReadJsonAsync();
        using var list = await lead.GetAsync($"/api/incidents/{id}/feedback");
        var feedback = (await list.ReadJsonAsync()).AsArray();
        var incident = await FeedbackSteps.IncidentAsync(host.Factory, id);

        given.StatusCode.Should().Be(HttpStatusCode.Created, body.ToJsonString());
        ((int)body["satisfaction"]!).Should().Be(4);
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        feedback.Should().ContainSingle();
        ((string)feedback[0]!["givenBy"]!).Should().Be("employee");
        ((string)feedback[0]!["comments"]!).Should().Be("Quick and kind.");
        Incidents.IncidentHost.Timeline(incident).Should().Contain(t => t.Kind == "Feedback" && t.Summary.Contains("4/5") && t.Actor == "employee");
        var stored = await FeedbackSteps.ReadDbAsync(host.Factory, db => db.EmployeeFeedback.SingleAsync(f => f.IncidentId == id));
        stored.Satisfaction.Should().Be(4);
    }

    [Fact]
    public async Task IncidentDetail_FeedbackGiven_InTheViewForTheReporterAndTheLeadNotForOthers()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Reception"));
        await FeedbackSteps.ResolveAsync(host.Factory, id);
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        using var other = host.Factory.CreateClientAs("employee2");
        var before = await IncidentHost.GetAsync(lead, id);

        using var given = await employee.PostAsJsonAsync($"/api/incidents/{id}/feedback", new { satisfaction = 3, comments = "Slow at first, fine later." });
        var byLead = await IncidentHost.GetAsync(lead, id);
        var byReporter = await IncidentHost.GetAsync(employee, id);
        using var byOther = await other.GetAsync($"/api/incidents/{id}");

        given.StatusCode.Should().Be(HttpStatusCode.Created);
        before["feedback"]!.AsArray().Should().BeEmpty("nothing was given yet");
        foreach (var view in new[] { byLead, byReporter })
        {
            var feedback = view["feedback"]!.AsArray().Should().ContainSingle().Subject!;
            ((int)feedback["satisfaction"]!).Should().Be(3);
            ((string)feedback["comments"]!).Should().Be("Slow at first, fine later.");
            ((string)feedback["givenBy"]!).Should().Be("employee");
        }

        var problem = await byOther.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.ToJsonString().Should().NotContain("Slow at first", "someone who may not read the incident learns nothing of it");
    }

    [Fact]
    public async Task Feedback_SentAgain_ReplacesTheFirstOnceAndKeepsOneRow()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Gate"));
        await FeedbackSteps.ResolveAsync(host.Factory, id);
        using var employee = host.Factory.CreateClientAs("employee");

        using var first = await employee.PostAsJsonAsync($"/api/incidents/{id}/feedback", new { satisfaction = 2 });
        using var second = await employee.PostAsJsonAsync($"/api/incidents/{id}/feedback", new { satisfaction = 5, comments = "Fixed after all." });
        using var same = await employee.PostAsJsonAsync($"/api/incidents/{id}/feedback", new { satisfaction = 5, comments = "Fixed after all." });
        var incident = await FeedbackSteps.IncidentAsync(host.Factory, id);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        same.StatusCode.Should().Be(HttpStatusCode.OK);
        ((int)(await second.ReadJsonAsync())["revision"]!).Should().Be(2);
        var rows = await FeedbackSteps.ReadDbAsync(host.Factory, db => db.EmployeeFeedback.Where(f => f.IncidentId == id).ToListAsync());
        rows.Should().ContainSingle().Which.Satisfaction.Should().Be(5);
        Incidents.IncidentHost.Timeline(incident).Count(t => t.Kind == "Feedback").Should().Be(2, "an identical resubmission changes nothing");
    }

    [Fact]
    public async Task Feedback_BeforeResolved_ConflictAndNothingStored()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Lift"));
        using var employee = host.Factory.CreateClientAs("employee");

        using var response = await employee.PostAsJsonAsync($"/api/incidents/{id}/feedback", new { satisfaction = 3 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        ((string)problem["detail"]!).Should().Contain("Resolved");
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.EmployeeFeedback.AnyAsync(f => f.IncidentId == id))).Should().BeFalse();
    }

    [Fact]
    public async Task Feedback_OnAnotherEmployeesIncident_NotFoundAndNotReporterForbidden()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Parking"));
        await FeedbackSteps.ResolveAsync(host.Factory, id);
        using var other = host.Factory.CreateClientAs("employee2");
        using var lead = host.Factory.CreateClientAs("lead");

        using var byOther = await other.PostAsJsonAsync($"/api/incidents/{id}/feedback", new { satisfaction = 1 });
        using var byLead = await lead.PostAsJsonAsync($"/api/incidents/{id}/feedback", new { satisfaction = 1 });

        await byOther.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await byLead.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.EmployeeFeedback.AnyAsync(f => f.IncidentId == id))).Should().BeFalse();
    }

    [Theory]
    [InlineData("{\"satisfaction\":0}", "satisfaction")]
    [InlineData("{\"satisfaction\":6}", "satisfaction")]
    [InlineData("{\"comments\":\"no score\"}", "satisfaction")]
    [InlineData("{\"satisfaction\":3,\"comments\":\"bell\\u0007\"}", "comments")]
    public async Task Feedback_InvalidBody_ValidationProblemForTheField(string json, string field)
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Hall"));
        await FeedbackSteps.ResolveAsync(host.Factory, id);
        using var employee = host.Factory.CreateClientAs("employee");

        using var response = await employee.PostAsync($"/api/incidents/{id}/feedback", ApiClientExtensions.Json(json));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]![field].Should().NotBeNull(problem.ToJsonString());
    }

    [Fact]
    public async Task FeedbackList_Employee_Forbidden()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Desk"));
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");

        using var asEmployee = await employee.GetAsync($"/api/incidents/{id}/feedback");
        using var unknown = await lead.GetAsync("/api/incidents/nope/feedback");

        await asEmployee.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Suggestion_AnyEmployee_StoredAndListedForLeadsOnly()
    {
        var text = "Put a first-aid kit on every floor " + Guid.NewGuid().ToString("N");
        using var employee = host.Factory.CreateClientAs("employee");
        using var other = host.Factory.CreateClientAs("employee2");
        using var lead = host.Factory.CreateClientAs("lead");

        using var sent = await employee.PostAsJsonAsync("/api/suggestions", new { text, topic = "supplies" });
        using var all = await lead.GetAsync("/api/suggestions?topic=Supplies");
        using var forbidden = await employee.GetAsync("/api/suggestions");
        using var othersMine = await other.GetAsync("/api/suggestions/mine");

        sent.StatusCode.Should().Be(HttpStatusCode.Created);
        ((string)(await sent.ReadJsonAsync())["topic"]!).Should().Be("Supplies");
        (await all.ReadJsonAsync()).AsArray().Should().Contain(s => (string)s!["text"]! == text && (string)s["submittedBy"]! == "employee");
        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await othersMine.ReadJsonAsync()).AsArray().Should().NotContain(s => (string)s!["text"]! == text);
    }

    [Theory]
    [InlineData("{\"text\":\"  \"}", "text")]
    [InlineData("{\"text\":\"ok\",\"topic\":\"weather\"}", "topic")]
    public async Task Suggestion_Invalid_ValidationProblemAndNothingStored(string json, string field)
    {
        using var employee2 = host.Factory.CreateClientAs("employee2");
        var before = await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Suggestions.CountAsync(s => s.SubmittedBy == "employee2"));

        using var response = await employee2.PostAsync("/api/suggestions", ApiClientExtensions.Json(json));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]![field].Should().NotBeNull(problem.ToJsonString());
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Suggestions.CountAsync(s => s.SubmittedBy == "employee2"))).Should().Be(before);
    }
}
