using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.Waiting;

/// <summary>Blocking activities, cancellation and rehydration on the pure executor and a fake clock.</summary>
public class WaitingTests
{
    private readonly EngineHarness harness = new();

    [Fact]
    public void Delay_CreatesATimerBookmarkDueAfterItsTimeSpan_AndContinuesWhenResumed()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "delay.json"));

        var started = harness.Start(definition).Instance;
        var bookmark = started.Bookmarks.Should().ContainSingle().Subject;
        bookmark.Name.Should().Be(BookmarkNames.Delay);
        bookmark.DueAt.Should().Be(harness.Time.GetUtcNow().AddMinutes(5));

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var resumed = harness.Resume(definition, started, bookmark).Instance;

        harness.LinesOf(resumed).Should().Equal("after");
        resumed.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void Delay_OfZero_CompletesAtOnce()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "zero-delay.json"));

        var instance = harness.Start(definition).Instance;

        instance.Bookmarks.Should().BeEmpty();
        harness.LinesOf(instance).Should().Equal("after");
    }

    [Fact]
    public void Timer_WithoutInterval_WaitsTheDefaultMinute()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "timer-default-interval.json"));

        var instance = harness.Start(definition).Instance;

        instance.Bookmarks.Should().ContainSingle().Which.Should().Match<Bookmark>(b =>
            b.Name == BookmarkNames.Timer && b.DueAt == harness.Time.GetUtcNow().AddMinutes(1));
    }

    [Fact]
    public void StartAt_InTheFuture_WaitsUntilThatInstant()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "start-at.json"));
        var at = harness.Time.GetUtcNow().AddHours(2);

        var instance = harness.Start(definition, new JsonObject { ["at"] = at.ToString("O") }).Instance;

        instance.Bookmarks.Should().ContainSingle().Which.DueAt.Should().Be(at);
    }

    [Fact]
    public void StartAt_InThePast_CompletesAtOnce()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "start-at.json"));
        var at = harness.Time.GetUtcNow().AddHours(-2);

        var instance = harness.Start(definition, new JsonObject { ["at"] = at.ToString("O") }).Instance;

        instance.Bookmarks.Should().BeEmpty();
        harness.LinesOf(instance).Should().Equal("after");
    }

    [Fact]
    public void Cron_WithSixFields_WaitsForTheNextOccurrenceInUtc()
    {
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 1, 5, 8, 20, 15, TimeSpan.Zero));
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "cron-hourly.json"));

        var instance = harness.Start(definition).Instance;

        instance.Bookmarks.Should().ContainSingle().Which.Should().Match<Bookmark>(b =>
            b.Name == BookmarkNames.Cron && b.DueAt == new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Event_Resumed_SetsItsResultFromThePayloadAndBindsIt()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "wait-for-event.json"));
        var started = harness.Start(definition).Instance;
        var bookmark = started.Bookmarks.Single();
        bookmark.Should().Match<Bookmark>(b => b.Name == BookmarkNames.Event && b.Key == "Approved");

        var input = new JsonObject { ["__EventPayloadWorkflowInput"] = new JsonObject { ["by"] = "duty officer" } };
        var resumed = harness.Resume(definition, started, bookmark, input).Instance;

        harness.LinesOf(resumed).Should().Equal("approved by duty officer, kept");
        resumed.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void RunTask_EmitsATaskRequestAndWaitsOnItsTaskId()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "run-task.json"));

        var result = harness.Start(definition, correlationId: "inc-7");

        var bookmark = result.Instance.Bookmarks.Should().ContainSingle().Subject;
        var message = result.Outbox.Should().ContainSingle().Subject;
        message.Kind.Should().Be(OutboxKinds.RunTask);
        message.Payload["taskId"]!.GetValue<string>().Should().Be(bookmark.Key);
        message.Payload["taskName"]!.GetValue<string>().Should().Be("Call the duty officer");
        message.Payload["taskPayload"]!["tier"]!.GetValue<int>().Should().Be(1);
        message.Payload["correlationId"]!.GetValue<string>().Should().Be("inc-7");
        message.Payload["workflowInstanceId"]!.GetValue<string>().Should().Be(result.Instance.Id);
    }

    [Fact]
    public void Cancel_ARunningInstance_CancelsEverythingAndClearsBookmarks()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "wait-for-event.json"));
        var started = harness.Start(definition).Instance;

        var cancelled = harness.Executor.Cancel(definition, started).Instance;

        cancelled.Status.Should().Be(WorkflowStatus.Finished);
        cancelled.SubStatus.Should().Be(WorkflowSubStatus.Cancelled);
        cancelled.Bookmarks.Should().BeEmpty();
        cancelled.ExecutionState["contexts"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void Cancel_AFinishedInstance_ChangesNothing()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "zero-delay.json"));
        var finished = harness.Start(definition).Instance;

        var after = harness.Executor.Cancel(definition, finished).Instance;

        after.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void Instance_SerializedToJsonAndBack_ResumesWithVariablesIntact()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "wait-for-event.json"));
        var started = harness.Start(definition).Instance;

        var text = JsonSerializer.Serialize(started);
        var rehydrated = JsonSerializer.Deserialize<WorkflowInstance>(text)!;
        var input = new JsonObject { ["__EventPayloadWorkflowInput"] = new JsonObject { ["by"] = "night shift" } };
        var resumed = harness.Resume(definition, rehydrated, rehydrated.Bookmarks.Single(), input).Instance;

        resumed.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        resumed.Variables["v-note"]!.GetValue<string>().Should().Be("kept");
        resumed.Variables["v-payload"]!["by"]!.GetValue<string>().Should().Be("night shift");
        harness.LinesOf(resumed).Should().Equal("approved by night shift, kept");
    }

    [Fact]
    public void Resume_OfAnUnknownBookmark_Throws()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "wait-for-event.json"));
        var started = harness.Start(definition).Instance;

        var act = () => harness.Executor.Resume(definition, started, "no-such-bookmark");

        act.Should().Throw<Runtime.Execution.BookmarkNotFoundException>();
    }

    [Fact]
    public void Resume_LeavesTheCallersInstanceUntouched()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Waiting", "delay.json"));
        var started = harness.Start(definition).Instance;

        harness.Resume(definition, started, started.Bookmarks[0]);

        started.Bookmarks.Should().HaveCount(1);
        started.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
    }
}
