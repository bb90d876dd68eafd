using System.Text.Json.Nodes;
using EmergencyWorkflows.Persistence.Tests.Support;
using EmergencyWorkflows.Persistence.Timers;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Tests.Instances;

public abstract class WorkflowInstanceStoreContract : StoreContract
{
    private IWorkflowInstanceStore Store => Get<IWorkflowInstanceStore>();

    [Fact]
    public async Task SaveAsync_NewInstance_LoadsBackEqual()
    {
        var instance = TestData.RichInstance();

        await Store.SaveAsync(TestData.NewCommit(instance));
        var loaded = await Store.FindAsync(instance.Id);

        loaded.Should().NotBeNull();
        JsonNode.DeepEquals(TestData.Snapshot(loaded!), TestData.Snapshot(instance)).Should().BeTrue(
            "expected {0} but loaded {1}", TestData.Snapshot(instance).ToJsonString(), TestData.Snapshot(loaded!).ToJsonString());
        loaded!.Revision.Should().Be(1);
        loaded.Variables["v-1"]!["Name"]!.GetValue<string>().Should().Be("upper");
        loaded.Variables["v-1"]!["name"]!.GetValue<string>().Should().Be("lower");
        loaded.Bookmarks.Should().HaveCount(2);
        loaded.Bookmarks[1].DueAt.Should().Be(TestData.Start.AddMinutes(15));
        loaded.Incidents.Should().ContainSingle().Which.Should().Be(instance.Incidents[0]);
        loaded.Incidents[0].Timestamp.Offset.Should().Be(TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task SaveAsync_NewInstance_SetsRevisionToOne()
    {
        var instance = TestData.Instance();

        await Store.SaveAsync(TestData.NewCommit(instance));

        instance.Revision.Should().Be(1);
    }

    [Fact]
    public async Task FindAsync_UnknownId_ReturnsNull()
    {
        var loaded = await Store.FindAsync("no-such-instance");

        loaded.Should().BeNull();
    }

    [Fact]
    public async Task SaveAsync_ExpectedRevisionMatches_ReplacesStateAndIncrementsRevision()
    {
        var instance = TestData.Instance();
        await Store.SaveAsync(TestData.NewCommit(instance));
        var loaded = (await Store.FindAsync(instance.Id))!;
        loaded.Variables["count"] = 2;
        loaded.Status = WorkflowStatus.Finished;
        loaded.SubStatus = WorkflowSubStatus.Finished;
        loaded.FinishedAt = TestData.Start.AddHours(1);

        await Store.SaveAsync(new WorkflowCommit(loaded, loaded.Revision, []));
        var reloaded = (await Store.FindAsync(instance.Id))!;

        loaded.Revision.Should().Be(2);
        reloaded.Revision.Should().Be(2);
        reloaded.Variables["count"]!.GetValue<int>().Should().Be(2);
        reloaded.Status.Should().Be(WorkflowStatus.Finished);
        reloaded.FinishedAt.Should().Be(TestData.Start.AddHours(1));
    }

    [Fact]
    public async Task SaveAsync_StaleExpectedRevision_ThrowsConcurrencyAndWritesNothing()
    {
        var instance = TestData.Instance();
        instance.Bookmarks = [TestData.EventBookmark("ack")];
        await Store.SaveAsync(TestData.NewCommit(instance));
        var first = (await Store.FindAsync(instance.Id))!;
        var second = first.Clone();
        first.Variables["winner"] = "first";
        await Store.SaveAsync(new WorkflowCommit(first, 1, []));
        second.Variables["winner"] = "second";
        second.Bookmarks = [TestData.EventBookmark("other")];

        var act = () => Store.SaveAsync(new WorkflowCommit(second, 1, [TestData.Message(second.Id)]));

        (await act.Should().ThrowAsync<WorkflowConcurrencyException>()).Which.InstanceId.Should().Be(instance.Id);
        second.Revision.Should().Be(1);
        var stored = (await Store.FindAsync(instance.Id))!;
        stored.Variables["winner"]!.GetValue<string>().Should().Be("first");
        stored.Revision.Should().Be(2);
        (await Get<IBookmarkStore>().FindAsync(new BookmarkFilter(BookmarkNames.Event, "other"))).Should().BeEmpty();
        (await Get<IOutboxStore>().ListPendingAsync(10)).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveAsync_NewInstanceWithExistingId_ThrowsConcurrency()
    {
        var instance = TestData.Instance();
        await Store.SaveAsync(TestData.NewCommit(instance));
        var duplicate = TestData.Instance(instance.Id);
        duplicate.Name = "impostor";

        var act = () => Store.SaveAsync(TestData.NewCommit(duplicate));

        await act.Should().ThrowAsync<WorkflowConcurrencyException>();
        (await Store.FindAsync(instance.Id))!.Name.Should().Be(instance.Name);
    }

    [Fact]
    public async Task SaveAsync_CommitFailsMidway_LeavesInstanceBookmarksTimersAndOutboxAsBefore()
    {
        var instance = TestData.Instance();
        var timer = TestData.TimerBookmark(TestData.Start.AddMinutes(5));
        instance.Bookmarks = [TestData.EventBookmark("ack"), timer];
        var sent = TestData.Message(instance.Id);
        await Store.SaveAsync(TestData.NewCommit(instance, sent));
        var before = await CaptureAsync(instance.Id);
        var next = (await Store.FindAsync(instance.Id))!;
        next.Variables["changed"] = true;
        next.Bookmarks = [TestData.TimerBookmark(TestData.Start.AddMinutes(30))];

        // The second message reuses an id already in the outbox: the last write of the transaction fails.
        var act = () => Store.SaveAsync(new WorkflowCommit(next, next.Revision, [TestData.Message(next.Id), TestData.Message(next.Id, sent.Id)]));

        await act.Should().ThrowAsync<DbUpdateException>();
        next.Revision.Should().Be(1);
        var after = await CaptureAsync(instance.Id);
        after.Should().BeEquivalentTo(before);
        after.Timers.Should().ContainSingle().Which.Should().Be((timer.Id, TimerState.Pending, timer.DueAt!.Value));
    }

    [Fact]
    public async Task SaveAsync_FiftyConcurrentCommitsWithSameExpectedRevision_ExactlyOneSucceeds()
    {
        var instance = TestData.Instance();
        await Store.SaveAsync(TestData.NewCommit(instance));
        var loaded = (await Store.FindAsync(instance.Id))!;

        var attempts = Enumerable.Range(0, 50).Select(async i =>
        {
            var copy = loaded.Clone();
            copy.Variables["writer"] = i;
            copy.Bookmarks = [TestData.EventBookmark("e" + i)];
            try
            {
                await Store.SaveAsync(new WorkflowCommit(copy, loaded.Revision, [TestData.Message(copy.Id)]));
                return "ok";
            }
            catch (WorkflowConcurrencyException)
            {
                return "conflict";
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        outcomes.Count(o => o == "ok").Should().Be(1);
        outcomes.Count(o => o == "conflict").Should().Be(49);
        var stored = (await Store.FindAsync(instance.Id))!;
        stored.Revision.Should().Be(2);
        var winner = stored.Variables["writer"]!.GetValue<int>();
        (await Get<IBookmarkStore>().FindAsync(new BookmarkFilter(BookmarkNames.Event, InstanceId: instance.Id)))
            .Should().ContainSingle().Which.Key.Should().Be("e" + winner);
        (await Get<IOutboxStore>().ListPendingAsync(100)).Should().ContainSingle();
    }

    [Fact]
    public async Task SaveAsync_FiftyConcurrentNewInstancesWithSameId_ExactlyOneSucceeds()
    {
        var id = "wi-race";
        var attempts = Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                await Store.SaveAsync(TestData.NewCommit(TestData.Instance(id)));
                return true;
            }
            catch (WorkflowConcurrencyException)
            {
                return false;
            }
        });

        var outcomes = await Task.WhenAll(attempts);

        outcomes.Count(ok => ok).Should().Be(1);
    }

    [Fact]
    public async Task SaveAsync_TimerBookmark_WritesPendingTimerRow()
    {
        var instance = TestData.Instance();
        var timer = TestData.TimerBookmark(TestData.Start.AddMinutes(10));
        instance.Bookmarks = [timer, TestData.EventBookmark("ack")];

        await Store.SaveAsync(TestData.NewCommit(instance));

        var timers = (await CaptureAsync(instance.Id)).Timers;
        timers.Should().Equal((timer.Id, TimerState.Pending, timer.DueAt!.Value));
    }

    [Fact]
    public async Task SaveAsync_TimerBookmarkGone_MarksTimerFiredAndAddsNewOnes()
    {
        var instance = TestData.Instance();
        var first = TestData.TimerBookmark(TestData.Start.AddMinutes(10));
        instance.Bookmarks = [first];
        await Store.SaveAsync(TestData.NewCommit(instance));
        var second = TestData.TimerBookmark(TestData.Start.AddMinutes(20));
        instance.Bookmarks = [second];
        Time.Advance(TimeSpan.FromMinutes(10));

        await Store.SaveAsync(new WorkflowCommit(instance, instance.Revision, []));

        var timers = (await CaptureAsync(instance.Id)).Timers;
        timers.Should().BeEquivalentTo(new[]
        {
            (first.Id, TimerState.Fired, first.DueAt!.Value),
            (second.Id, TimerState.Pending, second.DueAt!.Value),
        });
        await using var db = await OpenDbAsync();
        (await db.Timers.SingleAsync(t => t.Id == first.Id)).UpdatedAt.Should().Be(Time.GetUtcNow());
    }

    [Fact]
    public async Task SaveAsync_InstanceCancelledWhileTimerWaits_MarksTimerCancelled()
    {
        var instance = TestData.Instance();
        var timer = TestData.TimerBookmark(TestData.Start.AddMinutes(10));
        instance.Bookmarks = [timer];
        await Store.SaveAsync(TestData.NewCommit(instance));
        instance.Bookmarks = [];
        instance.Status = WorkflowStatus.Finished;
        instance.SubStatus = WorkflowSubStatus.Cancelled;

        await Store.SaveAsync(new WorkflowCommit(instance, instance.Revision, []));

        (await CaptureAsync(instance.Id)).Timers.Should().Equal((timer.Id, TimerState.Cancelled, timer.DueAt!.Value));
    }

    [Fact]
    public async Task SaveAsync_TimerDueTimeMoved_UpdatesPendingRow()
    {
        var instance = TestData.Instance();
        var timer = TestData.TimerBookmark(TestData.Start.AddMinutes(10));
        instance.Bookmarks = [timer];
        await Store.SaveAsync(TestData.NewCommit(instance));
        var moved = timer with { DueAt = TestData.Start.AddMinutes(45) };
        instance.Bookmarks = [moved];

        await Store.SaveAsync(new WorkflowCommit(instance, instance.Revision, []));

        (await CaptureAsync(instance.Id)).Timers.Should().Equal((timer.Id, TimerState.Pending, moved.DueAt!.Value));
    }

    [Fact]
    public async Task DeletingInstanceRow_CascadesToBookmarksAndTimers()
    {
        var instance = TestData.Instance();
        instance.Bookmarks = [TestData.EventBookmark("ack"), TestData.TimerBookmark(TestData.Start.AddMinutes(5))];
        await Store.SaveAsync(TestData.NewCommit(instance));

        await using (var db = await OpenDbAsync())
        {
            await db.Instances.Where(i => i.Id == instance.Id).ExecuteDeleteAsync();
        }

        var after = await CaptureAsync(instance.Id);
        after.Bookmarks.Should().BeEmpty();
        after.Timers.Should().BeEmpty();
    }

    [Fact]
    public async Task ListAsync_Filters_ReturnMatchingSummariesNewestFirst()
    {
        var older = TestData.Instance(definitionId: "fire", correlationId: "inc-1");
        var newer = TestData.Instance(definitionId: "fire", correlationId: "inc-2");
        newer.UpdatedAt = older.UpdatedAt.AddMinutes(5);
        var finished = TestData.Instance(definitionId: "flood", correlationId: "inc-1");
        finished.Status = WorkflowStatus.Finished;
        finished.SubStatus = WorkflowSubStatus.Finished;
        finished.Incidents = [new Incident("a", "n", "t", "m", null, TestData.Start)];
        foreach (var instance in new[] { older, newer, finished })
        {
            await Store.SaveAsync(TestData.NewCommit(instance));
        }

        var byDefinition = await Store.ListAsync(new InstanceQuery(DefinitionId: "fire"));
        var byCorrelation = await Store.ListAsync(new InstanceQuery(CorrelationId: "inc-1"));
        var byStatus = await Store.ListAsync(new InstanceQuery(Status: WorkflowStatus.Finished));
        var firstOnly = await Store.ListAsync(new InstanceQuery(DefinitionId: "fire", Take: 1));

        byDefinition.Select(s => s.Id).Should().Equal(newer.Id, older.Id);
        byCorrelation.Select(s => s.Id).Should().BeEquivalentTo([older.Id, finished.Id]);
        byStatus.Should().ContainSingle().Which.Should().Be(new WorkflowInstanceSummary(
            finished.Id, "flood", 2, "inc-1", finished.Name, WorkflowStatus.Finished, WorkflowSubStatus.Finished, 1,
            finished.CreatedAt, finished.UpdatedAt));
        firstOnly.Select(s => s.Id).Should().Equal(newer.Id);
    }

    private async Task<StoredRows> CaptureAsync(string instanceId)
    {
        await using var db = await OpenDbAsync();
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId);
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == instanceId).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
        var timers = (await db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.Id).ToListAsync())
            .Select(t => (t.Id, t.State, t.DueAt)).ToList();
        var outbox = await db.Outbox.AsNoTracking().Where(o => o.InstanceId == instanceId).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        return new StoredRows(instance?.Revision, instance?.StateJson, bookmarks, timers, outbox);
    }

    private sealed record StoredRows(
        long? Revision,
        string? StateJson,
        List<string> Bookmarks,
        List<(string Id, TimerState State, DateTimeOffset DueAt)> Timers,
        List<string> Outbox);
}
