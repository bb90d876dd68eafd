using System.Text.Json.Nodes;
using EmergencyWorkflows.Persistence.Tests.Support;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Tests.Outbox;

public abstract class OutboxStoreContract : StoreContract
{
    private IOutboxStore Store => Get<IOutboxStore>();

    private async Task<string> CommitAsync(params OutboxMessage[] messages)
    {
        var instance = TestData.Instance();
        await Get<IWorkflowInstanceStore>().SaveAsync(TestData.NewCommit(instance, [.. messages.Select(m => m with { InstanceId = instance.Id })]));
        return instance.Id;
    }

    [Fact]
    public async Task ListPendingAsync_CommittedMessages_ReturnsThemOldestFirstWithPayload()
    {
        var newer = TestData.Message("x", "m-newer", TestData.Start.AddMinutes(2));
        var older = TestData.Message("x", "m-older", TestData.Start.AddMinutes(1));
        var instanceId = await CommitAsync(newer, older);

        var pending = await Store.ListPendingAsync(10);

        pending.Select(m => m.Id).Should().Equal("m-older", "m-newer");
        pending[0].InstanceId.Should().Be(instanceId);
        pending[0].Kind.Should().Be(OutboxKinds.RunTask);
        pending[0].CreatedAt.Should().Be(older.CreatedAt);
        JsonNode.DeepEquals(pending[0].Payload, older.Payload).Should().BeTrue();
    }

    [Fact]
    public async Task ListPendingAsync_Take_LimitsTheCount()
    {
        await CommitAsync(
            TestData.Message("x", "m-1", TestData.Start.AddSeconds(1)),
            TestData.Message("x", "m-2", TestData.Start.AddSeconds(2)),
            TestData.Message("x", "m-3", TestData.Start.AddSeconds(3)));

        var pending = await Store.ListPendingAsync(2);

        pending.Select(m => m.Id).Should().Equal("m-1", "m-2");
    }

    [Fact]
    public async Task MarkDispatchedAsync_FirstTime_ReturnsTrueAndRemovesFromPending()
    {
        await CommitAsync(TestData.Message("x", "m-1"), TestData.Message("x", "m-2"));
        Time.Advance(TimeSpan.FromSeconds(3));

        var marked = await Store.MarkDispatchedAsync("m-1");

        marked.Should().BeTrue();
        (await Store.ListPendingAsync(10)).Select(m => m.Id).Should().Equal("m-2");
        await using var db = await OpenDbAsync();
        var row = await db.Outbox.SingleAsync(o => o.Id == "m-1");
        row.DispatchedAt.Should().Be(TestData.Start.AddSeconds(3));
        row.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task MarkDispatchedAsync_SecondTime_ReturnsFalse()
    {
        await CommitAsync(TestData.Message("x", "m-1"));
        await Store.MarkDispatchedAsync("m-1");

        var again = await Store.MarkDispatchedAsync("m-1");

        again.Should().BeFalse();
    }

    [Fact]
    public async Task MarkDispatchedAsync_UnknownId_ReturnsFalse()
    {
        (await Store.MarkDispatchedAsync("never-written")).Should().BeFalse();
    }
}
