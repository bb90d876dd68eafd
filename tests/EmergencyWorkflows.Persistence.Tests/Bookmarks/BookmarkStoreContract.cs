using EmergencyWorkflows.Persistence.Tests.Support;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Persistence.Tests.Bookmarks;

public abstract class BookmarkStoreContract : StoreContract
{
    private IBookmarkStore Store => Get<IBookmarkStore>();

    private async Task<WorkflowInstance> SaveAsync(string? correlationId, params Bookmark[] bookmarks)
    {
        var instance = TestData.Instance(correlationId: correlationId);
        instance.Bookmarks = [.. bookmarks];
        await Get<IWorkflowInstanceStore>().SaveAsync(TestData.NewCommit(instance));
        return instance;
    }

    [Fact]
    public async Task FindByIdAsync_SavedBookmark_ReturnsMatchWithInstanceCorrelation()
    {
        var bookmark = TestData.EventBookmark("ack");
        var instance = await SaveAsync("inc-7", bookmark);

        var match = await Store.FindByIdAsync(bookmark.Id);

        match.Should().Be(new BookmarkMatch(bookmark.Id, instance.Id, BookmarkNames.Event, "ack", "inc-7", null));
    }

    [Fact]
    public async Task FindByIdAsync_Unknown_ReturnsNull()
    {
        (await Store.FindByIdAsync("nope")).Should().BeNull();
    }

    [Fact]
    public async Task FindAsync_ByNameAndKey_ReturnsOnlyThatKey()
    {
        var ack = TestData.EventBookmark("ack");
        await SaveAsync("inc-1", ack, TestData.EventBookmark("arrived"));
        await SaveAsync("inc-2", TestData.TimerBookmark(TestData.Start.AddMinutes(1)));

        var matches = await Store.FindAsync(new BookmarkFilter(BookmarkNames.Event, "ack"));

        matches.Select(m => m.BookmarkId).Should().Equal(ack.Id);
    }

    [Fact]
    public async Task FindAsync_ByCorrelationId_NarrowsToThatCorrelation()
    {
        var first = await SaveAsync("inc-1", TestData.EventBookmark("ack"));
        await SaveAsync("inc-2", TestData.EventBookmark("ack"));

        var matches = await Store.FindAsync(new BookmarkFilter(BookmarkNames.Event, "ack", CorrelationId: "inc-1"));

        matches.Should().ContainSingle().Which.InstanceId.Should().Be(first.Id);
    }

    [Fact]
    public async Task FindAsync_ByInstanceWithoutKey_ReturnsEveryBookmarkOfThatNameOnIt()
    {
        var instance = await SaveAsync("inc-1", TestData.EventBookmark("ack"), TestData.EventBookmark("arrived"), TestData.TimerBookmark(TestData.Start));
        await SaveAsync("inc-1", TestData.EventBookmark("ack"));

        var matches = await Store.FindAsync(new BookmarkFilter(BookmarkNames.Event, InstanceId: instance.Id));

        matches.Select(m => m.Key).Should().BeEquivalentTo(["ack", "arrived"]);
    }

    [Fact]
    public async Task FindAsync_AfterUpdate_SeesOnlyTheNewBookmarks()
    {
        var instance = await SaveAsync("inc-1", TestData.EventBookmark("ack"));
        instance.Bookmarks = [TestData.EventBookmark("arrived")];
        instance.CorrelationId = "inc-renamed";
        await Get<IWorkflowInstanceStore>().SaveAsync(new WorkflowCommit(instance, instance.Revision, []));

        var old = await Store.FindAsync(new BookmarkFilter(BookmarkNames.Event, "ack"));
        var current = await Store.FindAsync(new BookmarkFilter(BookmarkNames.Event, "arrived"));

        old.Should().BeEmpty();
        current.Should().ContainSingle().Which.CorrelationId.Should().Be("inc-renamed");
    }

    [Fact]
    public async Task FindDueAsync_ReturnsDueTimersEarliestFirstAcrossOffsets()
    {
        // 09:10+02:00 is 07:10Z: earlier than 08:05Z although its local clock reads later.
        var early = TestData.TimerBookmark(new DateTimeOffset(2026, 3, 1, 9, 10, 0, TimeSpan.FromHours(2)));
        var middle = TestData.TimerBookmark(TestData.Start.AddMinutes(5));
        var exactlyNow = TestData.TimerBookmark(TestData.Start.AddMinutes(30));
        var later = TestData.TimerBookmark(TestData.Start.AddMinutes(31));
        await SaveAsync("inc-1", middle, TestData.EventBookmark("ack"), later);
        await SaveAsync("inc-2", exactlyNow, early);

        var due = await Store.FindDueAsync(TestData.Start.AddMinutes(30), take: 10);
        var firstTwo = await Store.FindDueAsync(TestData.Start.AddMinutes(30), take: 2);

        due.Select(m => m.BookmarkId).Should().Equal(early.Id, middle.Id, exactlyNow.Id);
        due[0].DueAt.Should().Be(early.DueAt);
        firstTwo.Select(m => m.BookmarkId).Should().Equal(early.Id, middle.Id);
    }

    [Fact]
    public async Task ListTimersAsync_ReturnsEveryTimerBookmarkAndNoOthers()
    {
        var first = TestData.TimerBookmark(TestData.Start.AddDays(3));
        var second = TestData.TimerBookmark(TestData.Start.AddMinutes(1));
        await SaveAsync("inc-1", first, TestData.EventBookmark("ack"));
        await SaveAsync("inc-2", second);

        var timers = await Store.ListTimersAsync();

        timers.Select(t => t.BookmarkId).Should().Equal(second.Id, first.Id);
        timers.Should().OnlyContain(t => t.DueAt != null);
    }
}
