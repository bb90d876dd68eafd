using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Api.Tests.Tasks;

namespace EmergencyWorkflows.Api.Tests.Scenarios.IncidentLifecycle;

/// <summary>The repository's workflows/ files, driven end to end over HTTP: start, read, complete every task.</summary>
[Collection(SharedHostCollection.Name)]
public class IncidentLifecycleTests(SharedHost host)
{
    private HttpClient Client => host.Client;

    [Theory]
    [InlineData("personnel-safety", 3, 5)]
    [InlineData("service-interruption", 3, 4)]
    [InlineData("complaint-dispute", 2, 4)]
    public async Task Workflow_StartedWithoutAnIncident_WaitsForResponseAndAssessmentThenEveryTaskAndFinishes(string definitionId, int parallelSteps, int allSteps)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        using var start = await Client.PostAsJsonAsync($"/api/workflows/{definitionId}/instances",
            new { correlationId, name = "Drill", input = new { location = "Building A", grade = 2 } });
        var started = (await start.ReadJsonAsync()).AsObject();

        start.StatusCode.Should().Be(HttpStatusCode.Created, started.ToJsonString());
        start.Headers.Location!.ToString().Should().Be($"/api/instances/{started.Id()}");
        started.Status().Should().Be("Running");
        ((string?)started["correlationId"]).Should().Be(correlationId);
        started.Bookmarks("Elsa.RunTask").Should().BeEmpty("the task list opens after the response and the assessment");
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        using var ack = await responder.PostAsJsonAsync($"/api/incidents/{started.Id()}/acknowledge", new { note = "drill" });
        ack.StatusCode.Should().Be(HttpStatusCode.OK);
        var assessment = (await Client.GetInstanceAsync(started.Id())).Bookmarks("Emergency.IncidentSignal").Should().ContainSingle().Subject;

        // Without an incident record the assessment comes as the bookmark's input (what the incident API records otherwise).
        using var assessed = await Client.PostAsJsonAsync($"/api/bookmarks/{assessment["id"]}/resume", new { input = new { EmergencyAssessment = new { grade = 2 } } });
        assessed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Client.GetInstanceAsync(started.Id())).Bookmarks("Elsa.RunTask").Should().HaveCount(parallelSteps, "the immediate measures run in parallel");
        var done = await TaskDriver.CompleteAllAsync(started.Id(), responder, lead);

        done.Should().HaveCount(allSteps);
        var closure = (await Client.GetInstanceAsync(started.Id())).Bookmarks("Emergency.IncidentSignal").Should().ContainSingle("it waits for the closure").Subject;
        using var closed = await Client.PostAsJsonAsync($"/api/bookmarks/{closure["id"]}/resume", new { input = new { } });
        closed.StatusCode.Should().Be(HttpStatusCode.OK);
        var finished = await Client.GetInstanceAsync(started.Id());
        finished.Status().Should().Be("Finished");
        finished.SubStatus().Should().Be("Finished");
        finished["finishedAt"].Should().NotBeNull();
        finished.Bookmarks().Should().BeEmpty();
    }

    [Fact]
    public async Task CompleteTask_SecondTime_ProblemAndNothingChanges()
    {
        var started = await Client.StartAsync("durable-approval");
        var taskId = (string)started.Bookmarks("Elsa.RunTask").First()["key"]!;
        using var first = await Client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { result = 1 });
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var before = (await Client.GetInstanceAsync(started.Id())).ToJsonString();

        using var second = await Client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { result = 2 });

        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        ((string?)problem["detail"]).Should().Contain(taskId);
        (await Client.GetInstanceAsync(started.Id())).ToJsonString().Should().Be(before);
    }

    [Fact]
    public async Task StartInstance_NoBodyAtAll_Created()
    {
        using var response = await Client.PostAsync("/api/workflows/complaint-dispute/instances", null);
        var json = (await response.ReadJsonAsync()).AsObject();

        response.StatusCode.Should().Be(HttpStatusCode.Created, json.ToJsonString());
        json.Status().Should().Be("Running");
    }

    [Fact]
    public async Task CompleteTask_UnknownTask_NotFoundProblem()
    {
        using var response = await Client.PostAsJsonAsync("/api/tasks/no-such-task/complete", new { result = 1 });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListInstances_ByCorrelationId_FindsOnlyThatInstance()
    {
        var correlationId = Guid.NewGuid().ToString("N");
        var started = await Client.StartAsync("service-interruption", new { correlationId });
        await Client.StartAsync("service-interruption");

        var list = await Client.GetFromJsonAsync<JsonArray>($"/api/instances?correlationId={correlationId}&status=running");

        list.Should().ContainSingle();
        ((string?)list![0]!["id"]).Should().Be(started.Id());
        ((string?)list[0]!["status"]).Should().Be("Running");
    }

    [Fact]
    public async Task Definitions_List_ShowsTheThreeCategoryWorkflowsPublished()
    {
        var list = await Client.GetFromJsonAsync<JsonArray>("/api/definitions");

        foreach (var id in new[] { "personnel-safety", "service-interruption", "complaint-dispute" })
        {
            var definition = list!.Single(d => (string?)d!["definitionId"] == id)!;
            ((bool)definition["isPublished"]!).Should().BeTrue();
            ((bool)definition["isValid"]!).Should().BeTrue(definition.ToJsonString());
            definition["errors"]!.AsArray().Should().BeEmpty();
        }

        var detail = await Client.GetFromJsonAsync<JsonObject>("/api/definitions/personnel-safety");
        ((string?)detail!["name"]).Should().Be("Personnel safety");
        detail["versions"]!.AsArray().Should().NotBeEmpty();
    }
}
