using EmergencyWorkflows.Persistence.Tests.Support;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Persistence.Tests.Definitions;

public abstract class WorkflowDefinitionStoreContract : StoreContract
{
    private IWorkflowDefinitionStore Store => Get<IWorkflowDefinitionStore>();

    private static StoredDefinition Version(string definitionId, int version, bool published = true, params string[] errors) => new()
    {
        VersionId = $"{definitionId}-v{version}",
        DefinitionId = definitionId,
        Version = version,
        Name = $"{definitionId} v{version}",
        IsPublished = published,
        Json = $$"""{"id":"{{definitionId}}-v{{version}}","definitionId":"{{definitionId}}","version":{{version}}}""",
        ValidationErrors = errors,
        Origin = $"file:workflows/{definitionId}.json",
        ContentHash = "sha-" + version,
        CreatedAt = TestData.Start.AddMinutes(version),
    };

    private static (string VersionId, bool IsLatest, bool IsPublished)[] Flags(IEnumerable<StoredDefinition> versions) =>
        versions.Select(v => (v.VersionId, v.IsLatest, v.IsPublished)).ToArray();

    [Fact]
    public async Task FindByVersionIdAsync_SavedVersion_RoundTripsEveryField()
    {
        var saved = Version("fire", 1, true, "activity 'x': unknown type Foo", "activity 'y': CSharp expressions are not supported");

        await Store.SaveAsync(saved);
        var loaded = await Store.FindByVersionIdAsync("fire-v1");

        loaded.Should().BeEquivalentTo(saved with { IsLatest = true });
        loaded!.IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task Finders_UnknownDefinition_ReturnNothing()
    {
        (await Store.FindPublishedAsync("nope")).Should().BeNull();
        (await Store.FindLatestAsync("nope")).Should().BeNull();
        (await Store.FindByVersionIdAsync("nope")).Should().BeNull();
        (await Store.ListVersionsAsync("nope")).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveAsync_NewPublishedVersion_UnpublishesAndUnlatestsOlderVersions()
    {
        await Store.SaveAsync(Version("fire", 1));
        await Store.SaveAsync(Version("fire", 2));

        var versions = await Store.ListVersionsAsync("fire");

        Flags(versions).Should().Equal(("fire-v1", false, false), ("fire-v2", true, true));
        (await Store.FindPublishedAsync("fire"))!.VersionId.Should().Be("fire-v2");
    }

    [Fact]
    public async Task SaveAsync_UnpublishedDraft_BecomesLatestButPublishedStays()
    {
        await Store.SaveAsync(Version("fire", 1));
        await Store.SaveAsync(Version("fire", 2, published: false));

        (await Store.FindLatestAsync("fire"))!.VersionId.Should().Be("fire-v2");
        (await Store.FindPublishedAsync("fire"))!.VersionId.Should().Be("fire-v1");
        Flags(await Store.ListVersionsAsync("fire")).Should().Equal(("fire-v1", false, true), ("fire-v2", true, false));
    }

    [Fact]
    public async Task SaveAsync_SameVersionIdPublished_PublishesTheDraftInPlace()
    {
        await Store.SaveAsync(Version("fire", 1));
        await Store.SaveAsync(Version("fire", 2, published: false));

        await Store.SaveAsync(Version("fire", 2, published: true));

        Flags(await Store.ListVersionsAsync("fire")).Should().Equal(("fire-v1", false, false), ("fire-v2", true, true));
    }

    [Fact]
    public async Task SaveAsync_OtherDefinitions_AreNotTouched()
    {
        await Store.SaveAsync(Version("flood", 1));
        await Store.SaveAsync(Version("fire", 1));
        await Store.SaveAsync(Version("fire", 2));

        var flood = await Store.FindPublishedAsync("flood");

        flood!.IsLatest.Should().BeTrue();
        flood.IsPublished.Should().BeTrue();
    }

    [Fact]
    public async Task ListLatestAsync_ReturnsTheNewestVersionOfEachDefinition()
    {
        await Store.SaveAsync(Version("fire", 1));
        await Store.SaveAsync(Version("fire", 2, published: false));
        await Store.SaveAsync(Version("flood", 1));

        var latest = await Store.ListLatestAsync();

        latest.Select(d => d.VersionId).Should().Equal("fire-v2", "flood-v1");
    }

    [Fact]
    public async Task DeleteVersionAsync_LatestDraft_PreviousVersionBecomesLatestAndStaysPublished()
    {
        await Store.SaveAsync(Version("fire", 1));
        await Store.SaveAsync(Version("fire", 2, published: false));

        (await Store.DeleteVersionAsync("fire-v2")).Should().BeTrue();

        Flags(await Store.ListVersionsAsync("fire")).Should().Equal(("fire-v1", true, true));
        (await Store.FindByVersionIdAsync("fire-v2")).Should().BeNull();
        (await Store.DeleteVersionAsync("fire-v2")).Should().BeFalse("it is gone");
    }

    [Fact]
    public async Task DeleteDefinitionAsync_EveryVersion_IsGoneAndOtherDefinitionsStay()
    {
        await Store.SaveAsync(Version("fire", 1));
        await Store.SaveAsync(Version("fire", 2, published: false));
        await Store.SaveAsync(Version("flood", 1));

        (await Store.DeleteDefinitionAsync("fire")).Should().Be(2);

        (await Store.ListVersionsAsync("fire")).Should().BeEmpty();
        (await Store.FindPublishedAsync("fire")).Should().BeNull();
        (await Store.FindPublishedAsync("flood"))!.VersionId.Should().Be("flood-v1");
        (await Store.DeleteDefinitionAsync("fire")).Should().Be(0);
    }
}
