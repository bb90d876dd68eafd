using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Timers;

namespace EmergencyWorkflows.Runtime.Tests.Execution;

public sealed class WorkflowRuntimeTests : IDisposable
{
    private readonly RuntimeHarness harness = new();

    private static string Waiting(string file) => TestPaths.Scenario("Waiting", file);

    private static JsonObject Payload() => new() { ["__EventPayloadWorkflowInput"] = new JsonObject { ["by"] = "x" } };

    [Fact]
    public async Task ResumeBookmark_FiftyConcurrentCalls_ExactlyOneResumes()
    {
        var definitionId = await harness.PublishAsync(Waiting("wait-for-event.json"));
        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));
        var bookmarkId = started.Bookmarks.Single().Id;

        var results = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => harness.Runtime.ResumeBookmarkAsync(bookmarkId, Payload()))));

        results.Count(r => r.Status == ResumeStatus.Resumed).Should().Be(1);
        results.Where(r => r.Status != ResumeStatus.Resumed).Should().OnlyContain(r => r.Status == ResumeStatus.AlreadyConsumed);

        // Losing bursts may have run (a console line is not transactional); only the winner's burst is committed.
        var stored = await harness.FindAsync(started.Id);
        stored!.Revision.Should().Be(2, "one commit for the start and exactly one for the resumption");
        stored.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task ResumeBookmark_SecondCallAfterCommit_AnswersAlreadyConsumed()
    {
        var definitionId = await harness.PublishAsync(Waiting("wait-for-event.json"));
        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));
        var bookmarkId = started.Bookmarks.Single().Id;

        (await harness.Runtime.ResumeBookmarkAsync(bookmarkId, Payload())).Status.Should().Be(ResumeStatus.Resumed);
        (await harness.Runtime.ResumeBookmarkAsync(bookmarkId, Payload())).Status.Should().Be(ResumeStatus.AlreadyConsumed);
        (await harness.Runtime.ResumeBookmarkAsync("no-such-bookmark", Payload())).Status.Should().Be(ResumeStatus.NotFound);
        (await harness.Runtime.ResumeBookmarkAsync("no-such-instance:abc", Payload())).Status.Should().Be(ResumeStatus.NotFound);
    }

    [Fact]
    public async Task Start_WithADelay_ArmsTheTimerAfterCommit()
    {
        var definitionId = await harness.PublishAsync(Waiting("delay.json"));

        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));

        harness.Timers.Scheduled.Should().ContainSingle().Which.Should().Be(
            new Runtime.Timers.TimerWakeUp(started.Id, started.Bookmarks[0].Id, harness.Time.GetUtcNow().AddMinutes(5)));
        (await harness.FindAsync(started.Id))!.Revision.Should().Be(1);
    }

    [Fact]
    public async Task WakeTimer_BeforeItIsDue_DoesNothing()
    {
        var definitionId = await harness.PublishAsync(Waiting("delay.json"));
        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));

        var result = await harness.Runtime.WakeTimerAsync(started.Id, started.Bookmarks[0].Id);

        result.Status.Should().Be(ResumeStatus.NotDue);
        (await harness.FindAsync(started.Id))!.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
    }

    [Fact]
    public async Task WakeTimer_Twice_HasOneEffect()
    {
        var definitionId = await harness.PublishAsync(Waiting("delay.json"));
        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        var first = await harness.Runtime.WakeTimerAsync(started.Id, started.Bookmarks[0].Id);
        var second = await harness.Runtime.WakeTimerAsync(started.Id, started.Bookmarks[0].Id);

        first.Status.Should().Be(ResumeStatus.Resumed);
        second.Status.Should().Be(ResumeStatus.AlreadyConsumed);
        harness.Lines.LinesOf(started.Id).Should().Equal("after");
    }

    [Fact]
    public async Task TimerScheduler_FireDue_WakesOnlyWhatTheFakeClockMadeDue()
    {
        var definitionId = await harness.PublishAsync(Waiting("delay.json"));
        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));

        (await harness.Timers.FireDueAsync(harness.Runtime)).Should().BeEmpty();
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var fired = await harness.Timers.FireDueAsync(harness.Runtime);

        fired.Should().ContainSingle().Which.Status.Should().Be(ResumeStatus.Resumed);
        (await harness.FindAsync(started.Id))!.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public async Task Cancel_ThroughTheRuntime_CommitsTheCancelledInstance()
    {
        var definitionId = await harness.PublishAsync(Waiting("wait-for-event.json"));
        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));

        var cancelled = await harness.Runtime.CancelAsync(started.Id);

        cancelled!.SubStatus.Should().Be(WorkflowSubStatus.Cancelled);
        (await harness.FindAsync(started.Id))!.SubStatus.Should().Be(WorkflowSubStatus.Cancelled);
        (await harness.Store.FindAsync(new Runtime.Bookmarks.BookmarkFilter("Elsa.Event"))).Should().BeEmpty();
        (await harness.Runtime.CancelAsync("missing")).Should().BeNull();
    }

    [Fact]
    public async Task Start_OfAnUnknownDefinition_Throws()
    {
        var act = () => harness.Runtime.StartAsync(new StartWorkflowRequest("nope"));

        await act.Should().ThrowAsync<WorkflowDefinitionNotFoundException>();
    }

    [Fact]
    public async Task Start_OfAnInvalidDefinition_ThrowsWithTheValidatorErrors()
    {
        var definitionId = await harness.PublishAsync(TestPaths.Scenario("Faults", "unknown-activity.json"));

        var act = () => harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));

        (await act.Should().ThrowAsync<WorkflowDefinitionInvalidException>())
            .Which.Errors.Should().ContainSingle(e => e.Contains("Acme.Mystery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InMemoryStore_StaleRevision_ThrowsConcurrencyException()
    {
        var definitionId = await harness.PublishAsync(Waiting("wait-for-event.json"));
        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));

        var act = () => harness.Store.SaveAsync(new WorkflowCommit(started, 0, []));

        await act.Should().ThrowAsync<WorkflowConcurrencyException>();
    }

    [Fact]
    public async Task Start_WhenTheTimerSchedulerFails_StillCommitsTheInstanceWithItsTimer()
    {
        var definitions = new InMemoryWorkflowDefinitionStore();
        var store = new InMemoryWorkflowStore();
        var engine = new EngineHarness();
        var runtime = new WorkflowRuntime(definitions, store, store, new FailingScheduler(), engine.Executor, engine.Validator, engine.Time);
        var json = await File.ReadAllTextAsync(Waiting("delay.json"));
        await definitions.SaveAsync(new StoredDefinition { VersionId = "delay-v1", DefinitionId = "delay", Version = 1, IsPublished = true, Json = json });

        var started = await runtime.StartAsync(new StartWorkflowRequest("delay"));

        (await store.ListTimersAsync()).Should().ContainSingle().Which.InstanceId.Should().Be(started.Id);
    }

    [Fact]
    public async Task Bug_StoredIdentityDiffersFromTheJsonIds_InstanceNamesTheStoredVersionAndResumes()
    {
        var json = await File.ReadAllTextAsync(Waiting("wait-for-event.json"));
        await harness.Definitions.SaveAsync(new StoredDefinition
        {
            VersionId = "seeded-v3",
            DefinitionId = "seeded",
            Version = 3,
            IsPublished = true,
            Json = json,
        });

        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest("seeded"));
        var resumed = await harness.Runtime.ResumeBookmarkAsync(started.Bookmarks[0].Id, Payload());

        started.Should().Match<WorkflowInstance>(i => i.DefinitionId == "seeded" && i.DefinitionVersionId == "seeded-v3" && i.DefinitionVersion == 3);
        resumed.Status.Should().Be(ResumeStatus.Resumed);
        resumed.Instance!.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    private sealed class FailingScheduler : ITimerScheduler
    {
        public Task ScheduleAsync(TimerWakeUp wakeUp, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("scheduler down");
    }

    public void Dispose() => harness.Dispose();
}
