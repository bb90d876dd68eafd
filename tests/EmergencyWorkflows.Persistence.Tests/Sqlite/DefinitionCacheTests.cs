using EmergencyWorkflows.Persistence.Sqlite;
using EmergencyWorkflows.Persistence.Tests.Support;
using EmergencyWorkflows.Runtime.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Persistence.Tests.Sqlite;

/// <summary>Two service providers on one file stand for two nodes, each with its own definition cache.</summary>
public sealed class DefinitionCacheTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly FakeTimeProvider time = new(TestData.Start);
    private ServiceProvider? nodeA;
    private ServiceProvider? nodeB;

    private IWorkflowDefinitionStore StoreA => nodeA!.GetRequiredService<IWorkflowDefinitionStore>();
    private IWorkflowDefinitionStore StoreB => nodeB!.GetRequiredService<IWorkflowDefinitionStore>();

    public async Task InitializeAsync()
    {
        nodeA = await database.CreateServicesAsync(time, o => o.DefinitionCacheMaxAge = TimeSpan.FromSeconds(2));
        nodeB = await database.CreateServicesAsync(time, o => o.DefinitionCacheMaxAge = TimeSpan.FromSeconds(2));
    }

    public async Task DisposeAsync()
    {
        await nodeA!.DisposeAsync();
        await nodeB!.DisposeAsync();
        database.Dispose();
    }

    public void Dispose() => database.Dispose();

    private static StoredDefinition Version(int version) => new()
    {
        VersionId = $"fire-v{version}",
        DefinitionId = "fire",
        Version = version,
        IsPublished = true,
        Json = "{}",
    };

    [Fact]
    public async Task FindPublishedAsync_AfterLocalPublish_SeesNewVersionAtOnce()
    {
        await StoreA.SaveAsync(Version(1));
        (await StoreA.FindPublishedAsync("fire"))!.VersionId.Should().Be("fire-v1");

        await StoreA.SaveAsync(Version(2));

        (await StoreA.FindPublishedAsync("fire"))!.VersionId.Should().Be("fire-v2");
    }

    [Fact]
    public async Task FindPublishedAsync_AfterOtherNodePublish_SeesNewVersionOnlyAfterMaxAge()
    {
        await StoreA.SaveAsync(Version(1));
        (await StoreA.FindPublishedAsync("fire"))!.VersionId.Should().Be("fire-v1");

        await StoreB.SaveAsync(Version(2));
        var cached = await StoreA.FindPublishedAsync("fire");
        time.Advance(TimeSpan.FromSeconds(2));
        var refreshed = await StoreA.FindPublishedAsync("fire");

        cached!.VersionId.Should().Be("fire-v1");
        refreshed!.VersionId.Should().Be("fire-v2");
    }

    [Fact]
    public async Task FindPublishedAsync_UnknownThenPublishedElsewhere_IsNotCachedAsMissing()
    {
        (await StoreA.FindPublishedAsync("fire")).Should().BeNull();

        await StoreB.SaveAsync(Version(1));

        (await StoreA.FindPublishedAsync("fire"))!.VersionId.Should().Be("fire-v1");
    }

    [Fact]
    public async Task FindPublishedAsync_ZeroMaxAge_ReadsEveryTime()
    {
        await using var uncached = await database.CreateServicesAsync(time, o => o.DefinitionCacheMaxAge = TimeSpan.Zero);
        var store = uncached.GetRequiredService<IWorkflowDefinitionStore>();
        await store.SaveAsync(Version(1));
        (await store.FindPublishedAsync("fire"))!.VersionId.Should().Be("fire-v1");

        await StoreB.SaveAsync(Version(2));

        (await store.FindPublishedAsync("fire"))!.VersionId.Should().Be("fire-v2");
    }
}
