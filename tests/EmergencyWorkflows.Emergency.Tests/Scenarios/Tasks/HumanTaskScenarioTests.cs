using System.Text;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Tests.Scenarios.Escalation;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Emergency.Tests.Scenarios.Tasks;

/// <summary>Emergency.HumanTask on the pure executor with a fake clock: the task bookmark, claim/reassign, the due-time
/// escalation (once) and completion on the chosen port with the form as output.</summary>
public class HumanTaskScenarioTests
{
    private readonly EmergencyHarness harness = new();

    private static WorkflowDefinition Definition(string due = "00:30:00", string assignee = "responder") => WorkflowDefinitionReader.Read(Encoding.UTF8.GetBytes($$"""
        {
          "id": "v1", "definitionId": "task-test", "name": "Task test", "version": 1, "isPublished": true,
          "root": {
            "id": "root", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "start", "type": "Elsa.Start", "version": 1 },
              { "id": "task", "type": "Emergency.HumanTask", "version": 1,
                "title": { "typeName": "String", "expression": { "type": "Literal", "value": "Evacuate people" } },
                "instructions": { "typeName": "String", "expression": { "type": "Literal", "value": "Move everyone out." } },
                "assignee": { "typeName": "String", "expression": { "type": "Literal", "value": "{{assignee}}" } },
                "due": { "typeName": "String", "expression": { "type": "Literal", "value": "{{due}}" } },
                "formFields": { "typeName": "Object", "expression": { "type": "Object",
                  "value": "[{\"name\":\"evacuated\",\"label\":\"People evacuated\",\"type\":\"number\",\"required\":true}]" } },
                "outcomes": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"Done\",\"Escalated\"]" } } },
              { "id": "done", "type": "Elsa.WriteLine", "version": 1,
                "text": { "typeName": "String", "expression": { "type": "Literal", "value": "done" } } },
              { "id": "escalated", "type": "Elsa.WriteLine", "version": 1,
                "text": { "typeName": "String", "expression": { "type": "Literal", "value": "escalated" } } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "task", "port": "In" } },
              { "source": { "activity": "task", "port": "Done" }, "target": { "activity": "done", "port": "In" } },
              { "source": { "activity": "task", "port": "Escalated" }, "target": { "activity": "escalated", "port": "In" } }
            ]
          }
        }
        """));

    private static Bookmark TaskBookmark(WorkflowInstance instance) => instance.Bookmarks.Single(b => b.Name == BookmarkNames.RunTask);

    private BurstResult Act(WorkflowDefinition definition, WorkflowInstance instance, JsonObject action) =>
        harness.Executor.Resume(definition, instance, TaskBookmark(instance).Id, new JsonObject { [RunTask.ResultInputKey] = action });

    [Fact]
    public void HumanTask_Started_TaskBookmarkCarriesTheTaskAndDueTimer()
    {
        var definition = Definition();
        harness.Validator.Validate(definition).Should().BeEmpty();
        var now = harness.Time.GetUtcNow();

        var instance = harness.Start(definition).Instance;

        var task = TaskBookmark(instance);
        task.Key.Should().NotBeNullOrEmpty();
        ((string?)task.Payload["title"]).Should().Be("Evacuate people");
        ((string?)task.Payload["assignee"]).Should().Be("responder");
        task.Payload["due"]!.GetValue<DateTimeOffset>().Should().Be(now.AddMinutes(30));
        task.Payload["formFields"]!.AsArray().Should().ContainSingle();
        instance.Timer(HumanTask.DueBookmark).DueAt.Should().Be(now.AddMinutes(30));
    }

    [Fact]
    public void HumanTask_Overdue_EscalatesOnceToTeamLeadsAndAssigneeAndStaysOpen()
    {
        var definition = Definition(assignee: "r1");
        var started = harness.Start(definition).Instance;

        var breached = harness.FireTimer(definition, started, HumanTask.DueBookmark);

        var notifications = breached.Notifications();
        notifications.Recipients().Should().BeEquivalentTo("lead", "r1");
        notifications.Should().OnlyContain(m => ((string)m.Payload["subject"]!).Contains("\"Evacuate people\" is overdue"));
        notifications.Select(m => m.Id).Should().OnlyHaveUniqueItems();
        var overdue = breached.Outbox.Should().ContainSingle(m => m.Kind == HumanTask.OverdueKind).Subject;
        ((int)overdue.Payload["notified"]!).Should().Be(notifications.Count);
        ((string?)overdue.Payload["title"]).Should().Be("Evacuate people");
        overdue.Payload["recipients"]!.AsArray().Select(r => (string?)r).Should().BeEquivalentTo(["lead", "r1"], "whoever is told becomes a participant");
        var instance = breached.Instance;
        instance.Status.Should().Be(WorkflowStatus.Running);
        instance.HasTimer(HumanTask.DueBookmark).Should().BeFalse("the breach escalates once");
        var open = TaskBookmark(instance);
        ((bool)open.Payload["overdue"]!).Should().BeTrue();
        open.Payload["breachedAt"]!.GetValue<DateTimeOffset>().Should().Be(harness.Time.GetUtcNow());
    }

    [Fact]
    public void HumanTask_ClaimReassignComplete_CompletesOnChosenPortWithFormOutput()
    {
        var definition = Definition();
        var started = harness.Start(definition).Instance;

        var claimed = Act(definition, started, new JsonObject { ["action"] = HumanTask.ClaimAction, ["by"] = "r1" }).Instance;
        ((string?)TaskBookmark(claimed).Payload["claimedBy"]).Should().Be("r1");
        claimed.HasTimer(HumanTask.DueBookmark).Should().BeTrue("claiming does not stop the due timer");
        var reassigned = Act(definition, claimed, new JsonObject { ["action"] = HumanTask.ReassignAction, ["to"] = "head-it" }).Instance;
        ((string?)TaskBookmark(reassigned).Payload["assignee"]).Should().Be("head-it");
        TaskBookmark(reassigned).Payload["claimedBy"].Should().BeNull();
        TaskBookmark(reassigned).Key.Should().Be(TaskBookmark(started).Key, "the task keeps its id");

        var completed = Act(definition, reassigned, new JsonObject
        {
            ["action"] = HumanTask.CompleteAction,
            ["outcome"] = HumanTask.Escalated,
            ["form"] = new JsonObject { ["evacuated"] = 12 },
            ["by"] = "head-it",
        });

        completed.Instance.Status.Should().Be(WorkflowStatus.Finished);
        completed.Instance.Bookmarks.Should().BeEmpty("completion removes the due timer too");
        harness.Lines.Of(completed.Instance).Should().Equal("escalated");
        completed.Notifications().Should().BeEmpty();
    }

    [Fact]
    public void HumanTask_AbsoluteDueInThePast_IsOverdueAtOnceWhenTheTimerFires()
    {
        var due = harness.Time.GetUtcNow().AddMinutes(-1).ToString("O");
        var definition = Definition(due: due);

        var instance = harness.Start(definition).Instance;

        instance.Timer(HumanTask.DueBookmark).DueAt.Should().Be(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture));
        harness.Executor.Resume(definition, instance, instance.Timer(HumanTask.DueBookmark).Id).Notifications().Should().NotBeEmpty();
    }

    [Fact]
    public void TaskForm_Validate_ListsEveryProblem()
    {
        var fields = TaskForm.Parse(JsonNode.Parse("""[{"name":"n","type":"number","required":true},{"name":"d","type":"date"},{"name":"t","required":true}]"""));

        TaskForm.Validate(fields, new JsonObject { ["n"] = 2, ["t"] = "x", ["d"] = "2026-12-01" }).Should().BeEmpty();
        TaskForm.Validate(fields, new JsonObject { ["n"] = "two", ["d"] = "soon", ["zz"] = 1 }).Should().BeEquivalentTo(
            "'n' must be a number.", "'d' must be a date.", "'t' (t) is required.", "'zz' is not a field of this task.");
    }

    [Fact]
    public void RepositoryWorkflows_RespondedAndAssessed_OpenTheImmediateMeasuresAsHumanTasks()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["personnel-safety"] = ["Evacuate people", "First aid / call professional services", "Calm people, psychological support"],
            ["service-interruption"] = ["Diagnose the cause", "Fail over / restore service", "Inform affected employees"],
            ["complaint-dispute"] = ["Assign a specialist", "Listen and record"],
        };
        foreach (var (id, titles) in expected)
        {
            var loaded = WorkflowDefinitionReader.Read(File.ReadAllBytes(Path.Combine(RepositoryRoot(), "workflows", id + ".json")));
            harness.Validator.Validate(loaded).Should().BeEmpty(id);

            harness.Facts.Set("INC-1", new IncidentFacts("Reported", null, null, 0));
            var started = harness.Start(loaded, new JsonObject { ["grade"] = 1 }).Instance;
            var responded = harness.Respond(loaded, started, ResponseKind.Acknowledge).Instance;
            responded.Bookmarks.Should().NotContain(b => b.Name == BookmarkNames.RunTask, id);

            var (instance, outbox) = harness.Record(loaded, responded, "Assessed", grade: 2);

            instance.Bookmarks.Where(b => b.Name == BookmarkNames.RunTask).Select(b => (string?)b.Payload["title"]).Should().BeEquivalentTo(titles, id);
            outbox.Where(m => m.Kind == SetIncidentStatus.Kind).Select(m => (string?)m.Payload["status"]).Should().Equal(["Handling"], id);
            IncidentRecord.CurrentGrade(instance).Should().Be(2, "the assessed grade replaces the start grade");
            instance.Bookmarks.Where(b => b.Name == HumanTask.DueBookmark).Should().HaveCount(titles.Length, "every task has a deadline");
        }
    }

    [Fact]
    public void ComplaintWorkflow_Level3ResolutionDeadlineMissed_Escalates()
    {
        var loaded = WorkflowDefinitionReader.Read(File.ReadAllBytes(Path.Combine(RepositoryRoot(), "workflows", "complaint-dispute.json")));
        var instance = harness.Start(loaded, new JsonObject { ["grade"] = 1 }).Instance;
        instance = harness.Respond(loaded, instance, ResponseKind.Acknowledge).Instance;
        instance = harness.Record(loaded, instance, "Assessed", grade: 3).Instance;
        foreach (var task in instance.Bookmarks.Where(b => b.Name == BookmarkNames.RunTask).ToList())
        {
            var form = new JsonObject();
            foreach (var f in task.Payload["formFields"]!.AsArray())
            {
                form[(string)f!["name"]!] = "x";
            }

            instance = harness.Executor.Resume(loaded, instance, instance.Bookmarks.Single(b => b.Key == task.Key).Id,
                new JsonObject { [RunTask.ResultInputKey] = new JsonObject { ["action"] = HumanTask.CompleteAction, ["form"] = form } }).Instance;
        }

        var propose = TaskBookmark(instance);
        ((string?)propose.Payload["title"]).Should().Be("Propose a resolution (explicit deadline)");
        var dueAt = instance.Bookmarks.Single(b => b.Name == HumanTask.DueBookmark && (string?)b.Payload["taskId"] == propose.Key).DueAt!.Value;
        dueAt.Should().Be(harness.Time.GetUtcNow().AddDays(3), "a Level 3 complaint gets three days for the proposal (dueByGrade)");
        harness.Time.SetUtcNow(dueAt);
        var breached = harness.Executor.Resume(loaded, instance, instance.Bookmarks.Single(b => b.Name == HumanTask.DueBookmark && b.DueAt == dueAt).Id);

        breached.Notifications().Recipients().Should().Contain("lead");
        breached.Notifications().Should().OnlyContain(m => m.Kind == NotificationOutbox.Kind);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EmergencyWorkflows.sln not found");
    }
}
