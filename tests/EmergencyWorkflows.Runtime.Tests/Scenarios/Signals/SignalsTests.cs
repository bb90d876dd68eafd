using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.Signals;

/// <summary>Events, tasks and published events through the WorkflowRuntime over the in-memory stores.</summary>
public sealed class SignalsTests : IDisposable
{
    private readonly RuntimeHarness harness = new();

    [Fact]
    public async Task TriggerEvent_ByNameAndCorrelationId_ResumesOnlyTheMatchingInstance()
    {
        var definitionId = await harness.PublishAsync(TestPaths.Scenario("Signals", "wait-for-event.json"));
        var mine = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId, CorrelationId: "inc-1"));
        var other = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId, CorrelationId: "inc-2"));

        var results = await harness.Runtime.TriggerEventAsync(
            new TriggerEventRequest("Approved", CorrelationId: "inc-1", Payload: new JsonObject { ["by"] = "chief" }));

        results.Should().ContainSingle().Which.Status.Should().Be(ResumeStatus.Resumed);
        (await harness.FindAsync(mine.Id))!.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        (await harness.FindAsync(other.Id))!.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        harness.Lines.LinesOf(mine.Id).Should().Equal("approved by chief, kept");
    }

    [Fact]
    public async Task TriggerEvent_ByNameOnly_ResumesEveryWaitingInstance()
    {
        var definitionId = await harness.PublishAsync(TestPaths.Scenario("Signals", "wait-for-event.json"));
        await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId, CorrelationId: "inc-1"));
        await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId, CorrelationId: "inc-2"));

        var results = await harness.Runtime.TriggerEventAsync(new TriggerEventRequest("Approved", Payload: new JsonObject { ["by"] = "x" }));

        results.Should().HaveCount(2).And.OnlyContain(r => r.Status == ResumeStatus.Resumed);
    }

    [Fact]
    public async Task CompleteTask_ByTaskId_SetsTheRunTaskResult()
    {
        var definitionId = await harness.PublishAsync(TestPaths.Scenario("Signals", "run-task.json"));
        var started = await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));
        var taskId = started.Bookmarks.Single().Key!;

        var result = await harness.Runtime.CompleteTaskAsync(taskId, new JsonObject { ["status"] = "reached" });

        result.Status.Should().Be(ResumeStatus.Resumed);
        result.Instance!.Variables["v-answer"]!["status"]!.GetValue<string>().Should().Be("reached");
        harness.Lines.LinesOf(started.Id).Should().Equal("answer: reached");
        (await harness.Runtime.CompleteTaskAsync(taskId, null)).Status.Should().Be(ResumeStatus.AlreadyConsumed);
        (await harness.Runtime.CompleteTaskAsync("unknown-task", null)).Status.Should().Be(ResumeStatus.NotFound);
    }

    [Fact]
    public async Task PublishEvent_DispatchedFromTheOutbox_ResumesAnotherInstance()
    {
        var waiterId = await harness.PublishAsync(TestPaths.Scenario("Signals", "wait-for-event.json"));
        var publisherId = await harness.PublishAsync(TestPaths.Scenario("Signals", "publish-event.json"));
        var waiter = await harness.Runtime.StartAsync(new StartWorkflowRequest(waiterId, CorrelationId: "inc-9"));
        var publisher = await harness.Runtime.StartAsync(new StartWorkflowRequest(publisherId, CorrelationId: "inc-9"));
        publisher.SubStatus.Should().Be(WorkflowSubStatus.Finished, "PublishEvent completes at once");

        var dispatched = await harness.Dispatcher.DispatchPendingAsync();

        dispatched.Should().Be(1);
        (await harness.FindAsync(waiter.Id))!.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        harness.Lines.LinesOf(waiter.Id).Should().Equal("approved by publisher, kept");
        (await harness.Dispatcher.DispatchPendingAsync()).Should().Be(0, "a dispatched message is not sent twice");
    }

    [Fact]
    public async Task OutboxDispatcher_UnknownKind_IsMarkedDispatched()
    {
        var definitionId = await harness.PublishAsync(TestPaths.Scenario("Signals", "run-task.json"));
        await harness.Runtime.StartAsync(new StartWorkflowRequest(definitionId));

        var dispatched = await harness.Dispatcher.DispatchPendingAsync();

        dispatched.Should().Be(1, "no handler takes Elsa.RunTask here; it is logged and marked");
        (await harness.Store.ListPendingAsync(10)).Should().BeEmpty();
    }

    [Fact]
    public async Task PublishEvent_Local_ReachesOnlyThePublishingInstance()
    {
        var waiterId = await harness.PublishAsync(TestPaths.Scenario("Signals", "wait-for-event.json"));
        var waiter = await harness.Runtime.StartAsync(new StartWorkflowRequest(waiterId, CorrelationId: "inc-9"));
        var handler = new PublishEventOutboxHandler(harness.Runtime);
        var local = new OutboxMessage("m1", "someone-else", OutboxKinds.PublishEvent, new JsonObject
        {
            ["eventName"] = "Approved",
            ["correlationId"] = null,
            ["isLocalEvent"] = true,
            ["payload"] = new JsonObject { ["by"] = "x" },
            ["sourceInstanceId"] = "someone-else",
        }, harness.Time.GetUtcNow());

        await handler.HandleAsync(local, CancellationToken.None);

        (await harness.FindAsync(waiter.Id))!.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
    }

    public void Dispose() => harness.Dispose();
}
