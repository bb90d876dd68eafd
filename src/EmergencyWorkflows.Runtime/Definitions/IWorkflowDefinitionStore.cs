namespace EmergencyWorkflows.Runtime.Definitions;

/// <summary>Versioned definition storage. Each saved version keeps its JSON text and its validation errors.</summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>The latest published version of a definition (what new instances use).</summary>
    Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The latest version, published or not.</summary>
    Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default);

    Task<StoredDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every definition.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a new version. When it is published, earlier versions lose their published flag; it becomes the latest.
    /// </summary>
    Task SaveAsync(StoredDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes one version; the highest remaining version becomes the latest. Running instances of it fault on their
    /// next resume, so callers delete only versions nothing runs on (or accept that). False when it did not exist.
    /// </summary>
    Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every version of a definition; the number of versions deleted.</summary>
    Task<int> DeleteDefinitionAsync(string definitionId, CancellationToken cancellationToken = default);
}

/// <summary>A stored definition version: identity, flags, the JSON text and what validation found.</summary>
public sealed record StoredDefinition
{
    public required string VersionId { get; init; }
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }
    public bool IsLatest { get; init; }
    public bool IsPublished { get; init; }
    public required string Json { get; init; }
    public IReadOnlyList<string> ValidationErrors { get; init; } = [];

    /// <summary>Where it came from: "file:workflows/x.json", "api", "studio".</summary>
    public string? Origin { get; init; }

    /// <summary>SHA-256 of the source text, so a seeded file is imported again only when it changed.</summary>
    public string? ContentHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public bool IsValid => ValidationErrors.Count == 0;
}
