using EmergencyWorkflows.Persistence.Sqlite;
using EmergencyWorkflows.Persistence.Tests.Support;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Persistence.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly FakeTimeProvider time = new(TestData.Start);

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Model_HasNoChangesMissingFromTheSqliteMigrations()
    {
        await using var services = await database.CreateServicesAsync(time);
        await using var db = await services.GetRequiredService<IDbContextFactory<SqliteWorkflowsDbContext>>().CreateDbContextAsync();

        db.Database.HasPendingModelChanges().Should().BeFalse("run dotnet ef migrations add <Name> --context SqliteWorkflowsDbContext --output-dir Migrations/Sqlite");
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().Contain(m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_NewFile_LeavesTheDatabaseInWalMode()
    {
        await using (await database.CreateServicesAsync(time))
        {
        }

        (await QueryPragmaAsync(database.ConnectionString, "journal_mode")).Should().Be("wal");
    }

    [Fact]
    public async Task Connections_Default_UseFullSynchronousForeignKeysAndABusyTimeout()
    {
        await using var services = await database.CreateServicesAsync(time);
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();

        (await PragmaAsync(db, "synchronous")).Should().Be(2L, "2 is FULL");
        (await PragmaAsync(db, "foreign_keys")).Should().Be(1L);
        (await PragmaAsync(db, "busy_timeout")).Should().Be(30_000L);
    }

    [Fact]
    public async Task Connections_NormalSynchronousConfigured_UseIt()
    {
        await using var services = await database.CreateServicesAsync(time, o =>
        {
            o.Synchronous = SqliteSynchronousMode.Normal;
            o.BusyTimeout = TimeSpan.FromSeconds(5);
        });
        await using var db = await services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();

        (await PragmaAsync(db, "synchronous")).Should().Be(1L, "1 is NORMAL");
        (await PragmaAsync(db, "busy_timeout")).Should().Be(5_000L);
    }

    [Fact]
    public async Task Reopen_NewServiceProviderOnSameFile_SeesCommittedData()
    {
        var instance = TestData.RichInstance();
        var timer = instance.Bookmarks.Single(b => b.DueAt is not null);
        await using (var first = await database.CreateServicesAsync(time))
        {
            await first.GetRequiredService<IWorkflowInstanceStore>().SaveAsync(TestData.NewCommit(instance, TestData.Message(instance.Id, "m-1")));
            await first.GetRequiredService<IWorkflowDefinitionStore>().SaveAsync(new StoredDefinition
            {
                VersionId = "fire-v1",
                DefinitionId = "fire",
                Version = 1,
                IsPublished = true,
                Json = "{}",
            });
        }

        SqliteConnection.ClearAllPools();
        await using var second = await database.CreateServicesAsync(time);

        (await second.GetRequiredService<IWorkflowInstanceStore>().FindAsync(instance.Id))!.Revision.Should().Be(1);
        (await second.GetRequiredService<IBookmarkStore>().ListTimersAsync()).Should().ContainSingle().Which.BookmarkId.Should().Be(timer.Id);
        (await second.GetRequiredService<IOutboxStore>().ListPendingAsync(10)).Should().ContainSingle().Which.Id.Should().Be("m-1");
        (await second.GetRequiredService<IWorkflowDefinitionStore>().FindPublishedAsync("fire")).Should().NotBeNull();
    }

    [Fact]
    public async Task Migrate_RelativeDataSourceInMissingFolder_CreatesTheFolder()
    {
        var file = Path.Combine(database.Folder, "data", "nested", "x.db");
        database.ConnectionString = $"Data Source={Path.GetRelativePath(Environment.CurrentDirectory, file)}";

        await using (await database.CreateServicesAsync(time))
        {
        }

        File.Exists(file).Should().BeTrue();
    }

    [Fact]
    public async Task TwoProvidersOnSameFile_ConcurrentCommits_AllSucceed()
    {
        // Each provider has its own write gate, as two processes would: only SQLite's busy timeout keeps them apart.
        await using var first = await database.CreateServicesAsync(time);
        await using var second = await database.CreateServicesAsync(time);
        var stores = new[] { first, second }.Select(s => s.GetRequiredService<IWorkflowInstanceStore>()).ToArray();

        var commits = Enumerable.Range(0, 40).Select(async i =>
        {
            var instance = TestData.Instance();
            instance.Bookmarks = [TestData.TimerBookmark(TestData.Start.AddMinutes(i))];
            await stores[i % 2].SaveAsync(TestData.NewCommit(instance, TestData.Message(instance.Id)));
            instance.Variables["step"] = 2;
            await stores[(i + 1) % 2].SaveAsync(new WorkflowCommit(instance, instance.Revision, []));
        });
        await Task.WhenAll(commits);

        (await first.GetRequiredService<IBookmarkStore>().ListTimersAsync()).Should().HaveCount(40);
        (await second.GetRequiredService<IOutboxStore>().ListPendingAsync(100)).Should().HaveCount(40);
    }

    private static async Task<object?> PragmaAsync(WorkflowsDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync();
    }

    private static async Task<string?> QueryPragmaAsync(string connectionString, string name)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (string?)await command.ExecuteScalarAsync();
    }
}
