namespace EmergencyWorkflows.Runtime.Definitions;

/// <summary>The in-memory twin of the definition store: versions per definition, one published and one latest.</summary>
public sealed class InMemoryWorkflowDefinitionStore : IWorkflowDefinitionStore
{
    private readonly Lock gate = new();
    private readonly List<StoredDefinition> versions = [];

    public Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(versions.Where(v => v.DefinitionId == definitionId && v.IsPublished)
                .OrderByDescending(v => v.Version).FirstOrDefault());
        }
    }

    public Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(versions.Where(v => v.DefinitionId == definitionId).OrderByDescending(v => v.Version).FirstOrDefault());
        }
    }

    public Task<StoredDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(versions.FirstOrDefault(v => v.VersionId == versionId));
        }
    }

    public Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<StoredDefinition> result = versions.Where(v => v.DefinitionId == definitionId).OrderBy(v => v.Version).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<StoredDefinition> result = versions.Where(v => v.IsLatest).OrderBy(v => v.DefinitionId, StringComparer.Ordinal).ToList();
            return Task.FromResult(result);
        }
    }

    public Task SaveAsync(StoredDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (gate)
        {
            for (var i = 0; i < versions.Count; i++)
            {
                var v = versions[i];
                if (v.DefinitionId != definition.DefinitionId)
                {
                    continue;
                }

                versions[i] = v with { IsLatest = false, IsPublished = v.IsPublished && !definition.IsPublished };
            }

            versions.RemoveAll(v => v.VersionId == definition.VersionId);
            versions.Add(definition with { IsLatest = true });
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var removed = versions.FirstOrDefault(v => v.VersionId == versionId);
            if (removed is null)
            {
                return Task.FromResult(false);
            }

            versions.Remove(removed);
            var newest = versions.Where(v => v.DefinitionId == removed.DefinitionId).OrderByDescending(v => v.Version).FirstOrDefault();
            for (var i = 0; i < versions.Count; i++)
            {
                if (versions[i].DefinitionId == removed.DefinitionId)
                {
                    versions[i] = versions[i] with { IsLatest = ReferenceEquals(versions[i], newest) };
                }
            }

            return Task.FromResult(true);
        }
    }

    public Task<int> DeleteDefinitionAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(versions.RemoveAll(v => v.DefinitionId == definitionId));
        }
    }
}
