using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Tests.Scenarios.Escalation;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Emergency.Tests.Scenarios.Flow;

/// <summary>The repository workflows on the pure executor with a fake clock and in-memory incident facts: the grade
/// recorded by the assessment drives what follows (deadlines, escalation policy, the Level 1 announcement rule), the
/// workflow asks for the incident's status moves, and a regrade re-times what is still open.</summary>
public class IncidentFlowScenarioTests
{
    private readonly EmergencyHarness harness = new();

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, false)]
    public void PersonnelSafety_EveryTaskDone_ResolvedOnlyAfterAnAnnouncementForLevel1_FinishesWhenClosed(int grade, bool waitsForAnnouncement)
    {
        var definition = Load("personnel-safety");
        var instance = harness.Start(definition, new JsonObject { ["grade"] = grade }).Instance;
        instance = harness.Respond(definition, instance, ResponseKind.Acknowledge).Instance;
        var (assessed, handling) = harness.Record(definition, instance, "Assessed", grade);
        handling.Should().ContainSingle(m => m.Kind == SetIncidentStatus.Kind).Which.Payload["status"]!.ToString().Should().Be("Handling");

        var (done, outbox) = CompleteAll(definition, assessed);

        done.Should().Equal("Evacuate people", "First aid / call professional services", "Calm people, psychological support",
            "Investigate the cause", "Aftercare");
        var resolvedAsked = outbox.Any(m => m.Kind == SetIncidentStatus.Kind && (string?)m.Payload["status"] == "Resolved");
        instance = LastInstance!;
        if (waitsForAnnouncement)
        {
            resolvedAsked.Should().BeFalse("a Level 1 incident is announced before it is resolved");
            Signals(instance).Should().Equal("Announced");
            var (announced, resolved) = harness.Record(definition, instance, "Handling", grade, announcements: 1);
            resolved.Should().Contain(m => m.Kind == SetIncidentStatus.Kind && (string?)m.Payload["status"] == "Resolved");
            instance = announced;
        }
        else
        {
            resolvedAsked.Should().BeTrue("no announcement is required below Level 1");
        }

        Signals(instance).Should().Equal("Closed");
        instance = harness.Record(definition, instance, "Reviewed", grade, announcements: 1).Instance;
        instance.Status.Should().Be(WorkflowStatus.Running, "reviewed is not closed yet");
        instance = harness.Record(definition, instance, "Closed", grade, announcements: 1).Instance;
        instance.Status.Should().Be(WorkflowStatus.Finished);
        instance.Bookmarks.Should().BeEmpty();
    }

    [Fact]
    public void PersonnelSafety_Level1AnnouncedWhileTasksWereOpen_ResolvedRightAfterTheLastTask()
    {
        var definition = Load("personnel-safety");
        var instance = harness.Start(definition, new JsonObject { ["grade"] = 1 }).Instance;
        instance = harness.Respond(definition, instance, ResponseKind.Acknowledge).Instance;
        instance = harness.Record(definition, instance, "Assessed", grade: 1).Instance;
        instance = harness.Record(definition, instance, "Handling", grade: 1, announcements: 1).Instance;

        var (_, outbox) = CompleteAll(definition, instance);

        outbox.Should().Contain(m => m.Kind == SetIncidentStatus.Kind && (string?)m.Payload["status"] == "Resolved",
            "the announcement was already published: the step reads it instead of waiting for a signal that came before");
        Signals(LastInstance!).Should().Equal("Closed");
    }

    [Fact]
    public void Complaint_RegradedFromLevel3To1_ProposalDeadlineMovesToOneDayAndOverdueFollowsTheLevel1Policy()
    {
        var definition = Load("complaint-dispute");
        var instance = harness.Start(definition, new JsonObject { ["grade"] = 3 }).Instance;
        instance = harness.Respond(definition, instance, ResponseKind.Acknowledge).Instance;
        instance = harness.Record(definition, instance, "Assessed", grade: 3).Instance;
        foreach (var task in Tasks(instance).Where(t => (string?)t.Payload["title"] != "Propose a resolution (explicit deadline)").ToList())
        {
            instance = Complete(definition, instance, task).Instance;
        }

        var propose = Tasks(instance).Single();
        var createdAt = propose.Payload["createdAt"]!.GetValue<DateTimeOffset>();
        DueTimer(instance, propose.Key!).DueAt.Should().Be(createdAt.AddDays(3));

        var (regraded, notes) = harness.Record(definition, instance, "Handling", grade: 1);

        var moved = DueTimer(regraded, propose.Key!);
        moved.DueAt.Should().Be(createdAt.AddDays(1), "Level 1 gives one day (dueByGrade)");
        Tasks(regraded).Single().Payload["due"]!.GetValue<DateTimeOffset>().Should().Be(createdAt.AddDays(1), "the open task shows the new deadline");
        var note = notes.Should().ContainSingle(m => m.Kind == TimelineOutbox.Kind).Subject;
        ((string?)note.Payload["summary"]).Should().Contain("Level 3 → Level 1").And.Contain("due");
        ((string?)note.Payload["detail"]).Should().Contain("policy grade-1");
        harness.Record(definition, regraded, "Handling", grade: 1).Outbox.Should().NotContain(m => m.Kind == TimelineOutbox.Kind,
            "waking the workflow again without a new grade changes nothing");

        harness.Time.SetUtcNow(moved.DueAt!.Value);
        var breached = harness.Executor.Resume(definition, regraded, moved.Id);

        breached.Notifications().Recipients().Should().Contain("r1", "tier 1 of policy grade-1 is the responders")
            .And.NotContain("lead", "the Level 1 policy replaces the team-lead fallback");
        breached.Outbox.Should().ContainSingle(m => m.Kind == HumanTask.OverdueKind).Which.Payload["policy"]!.ToString().Should().Be("grade-1");
    }

    [Fact]
    public void Triage_Started_RunsTheResponseSlaAndOpensTheTriageTaskForTheTeamLeads()
    {
        var definition = Load("triage");

        var instance = harness.Start(definition).Instance;

        instance.Bookmarks.Select(b => b.Name).Should().Contain([EmergencyBookmarks.SlaDeadline, EmergencyBookmarks.Response]);
        var triage = Tasks(instance).Should().ContainSingle().Subject;
        ((string?)triage.Payload["assignee"]).Should().Be("team-lead");
        IncidentRecord.ReadIncident(instance)!["category"]!.ToString().Should().Be("unknown");
        harness.Validator.Validate(definition).Should().BeEmpty();
    }

    private WorkflowInstance? LastInstance { get; set; }

    private (List<string> Done, List<OutboxMessage> Outbox) CompleteAll(WorkflowDefinition definition, WorkflowInstance instance)
    {
        var done = new List<string>();
        var outbox = new List<OutboxMessage>();
        while (Tasks(instance).FirstOrDefault() is { } task)
        {
            var result = Complete(definition, instance, task);
            done.Add((string)task.Payload["title"]!);
            outbox.AddRange(result.Outbox);
            instance = result.Instance;
        }

        LastInstance = instance;
        return (done, outbox);
    }

    private BurstResult Complete(WorkflowDefinition definition, WorkflowInstance instance, Bookmark task)
    {
        var form = new JsonObject();
        foreach (var field in task.Payload["formFields"]!.AsArray())
        {
            form[(string)field!["name"]!] = (string)field["type"]! switch
            {
                "number" => 1,
                "boolean" => true,
                "date" => "2026-05-01T00:00:00Z",
                _ => "ok",
            };
        }

        return harness.Executor.Resume(definition, instance, task.Id,
            new JsonObject { [RunTask.ResultInputKey] = new JsonObject { ["action"] = HumanTask.CompleteAction, ["form"] = form } });
    }

    private static List<Bookmark> Tasks(WorkflowInstance instance) => [.. instance.Bookmarks.Where(b => b.Name == BookmarkNames.RunTask)];

    private static Bookmark DueTimer(WorkflowInstance instance, string taskId) =>
        instance.Bookmarks.Single(b => b.Name == HumanTask.DueBookmark && (string?)b.Payload["taskId"] == taskId);

    private static List<string> Signals(WorkflowInstance instance) =>
        [.. instance.Bookmarks.Where(b => b.Name == EmergencyBookmarks.IncidentSignal).Select(b => (string)b.Payload["signal"]!)];

    private static WorkflowDefinition Load(string id)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyWorkflows.sln")))
            {
                return WorkflowDefinitionReader.Read(File.ReadAllBytes(Path.Combine(dir.FullName, "workflows", id + ".json")));
            }
        }

        throw new InvalidOperationException("EmergencyWorkflows.sln not found");
    }
}
