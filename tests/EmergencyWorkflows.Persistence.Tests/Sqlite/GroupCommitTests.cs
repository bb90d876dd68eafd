using EmergencyWorkflows.Persistence.Tests.Support;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Tests.Sqlite;

/// <summary>
/// The SQLite store commits concurrent saves in batches (one transaction per batch, one savepoint per commit).
/// SaveAsync starts the commit synchronously, so calls made without awaiting are queued in call order.
/// </summary>
public sealed class GroupCommitTests : StoreContract
{
    private IWorkflowInstanceStore Store => Get<IWorkflowInstanceStore>();

    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();

    [Fact]
    public async Task SaveAsync_QueuedCommitsOfSameInstance_BehaveAsIfSequential()
    {
        var instance = TestData.Instance();
        await Store.SaveAsync(TestData.NewCommit(instance));
        var second = instance.Clone();
        second.Variables["step"] = 2;
        var third = instance.Clone();
        third.Variables["step"] = 3;
        third.Bookmarks = [TestData.EventBookmark("after-three")];
        var stale = instance.Clone();
        stale.Variables["step"] = -1;

        var secondSave = Store.SaveAsync(new WorkflowCommit(second, 1, []));
        var thirdSave = Store.SaveAsync(new WorkflowCommit(third, 2, [TestData.Message(instance.Id)]));
        var staleSave = Store.SaveAsync(new WorkflowCommit(stale, 2, [TestData.Message(instance.Id)]));

        await secondSave;
        await thirdSave;
        await FluentActions.Awaiting(() => staleSave).Should().ThrowAsync<WorkflowConcurrencyException>();
        var stored = (await Store.FindAsync(instance.Id))!;
        stored.Revision.Should().Be(3);
        stored.Variables["step"]!.GetValue<int>().Should().Be(3);
        second.Revision.Should().Be(2);
        third.Revision.Should().Be(3);
        (await Get<IBookmarkStore>().FindAsync(new BookmarkFilter(BookmarkNames.Event, InstanceId: instance.Id)))
            .Should().ContainSingle().Which.Key.Should().Be("after-three");
        (await Get<IOutboxStore>().ListPendingAsync(10)).Should().ContainSingle();
    }

    [Fact]
    public async Task SaveAsync_OneCommitOfBatchViolatesConstraint_OnlyThatCallerFails()
    {
        var sent = TestData.Message("elsewhere");
        var first = TestData.Instance();
        await Store.SaveAsync(TestData.NewCommit(first, sent));
        var instances = Enumerable.Range(0, 20).Select(_ => TestData.Instance()).ToList();

        var saves = instances
            .Select((instance, i) => Store.SaveAsync(i == 7
                ? TestData.NewCommit(instance, TestData.Message(instance.Id, sent.Id))
                : TestData.NewCommit(instance, TestData.Message(instance.Id))))
            .ToList();

        for (var i = 0; i < saves.Count; i++)
        {
            if (i == 7)
            {
                (await FluentActions.Awaiting(() => saves[i]).Should().ThrowAsync<DbUpdateException>())
                    .WithInnerException<SqliteException>();
                (await Store.FindAsync(instances[i].Id)).Should().BeNull();
                instances[i].Revision.Should().Be(0);
            }
            else
            {
                await saves[i];
                (await Store.FindAsync(instances[i].Id))!.Revision.Should().Be(1);
            }
        }

        (await Get<IOutboxStore>().ListPendingAsync(100)).Should().HaveCount(20);
    }

    [Fact]
    public async Task SaveAsync_ManyConcurrentNewInstances_AllReadableByAFreshConnectionOnceSaved()
    {
        var instances = Enumerable.Range(0, 64).Select(_ => TestData.Instance()).ToList();

        await Task.WhenAll(instances.Select(instance => Task.Run(() => Store.SaveAsync(TestData.NewCommit(instance)))));

        await using var connection = new SqliteConnection(((SqliteTestDatabase)Database).ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM WorkflowInstances WHERE Revision = 1;";
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(64);
    }

    [Fact]
    public async Task SaveAsync_CancelledBeforeQueued_WritesNothing()
    {
        var instance = TestData.Instance();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => Store.SaveAsync(TestData.NewCommit(instance), cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await Store.FindAsync(instance.Id)).Should().BeNull();
    }
}
