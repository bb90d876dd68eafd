using System.Collections.Concurrent;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Persistence.Definitions;

/// <summary>
/// Caches the two lookups every start and resume makes (published version by definition id, version by version id)
/// for at most <c>maxAge</c>, so another node's publish is seen within that time. A save through this store clears
/// the cache at once; a lookup that overlapped a save does not fill it (generation check), so it never keeps a
/// version older than the last local save. Not-found answers are not cached. A zero max age turns caching off.
/// </summary>
internal sealed class CachingWorkflowDefinitionStore(EfWorkflowDefinitionStore inner, TimeSpan maxAge, TimeProvider time) : IWorkflowDefinitionStore
{
    private readonly ConcurrentDictionary<string, Entry> published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> versions = new(StringComparer.Ordinal);
    private long generation;

    public Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        FindAsync(published, definitionId, inner.FindPublishedAsync, cancellationToken);

    public Task<StoredDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default) =>
        FindAsync(versions, versionId, inner.FindByVersionIdAsync, cancellationToken);

    public Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default) =>
        inner.FindLatestAsync(definitionId, cancellationToken);

    public Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default) =>
        inner.ListVersionsAsync(definitionId, cancellationToken);

    public Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken = default) =>
        inner.ListLatestAsync(cancellationToken);

    public async Task SaveAsync(StoredDefinition definition, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref generation);
        try
        {
            await inner.SaveAsync(definition, cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref generation);
            published.Clear();
            versions.Clear();
        }
    }

    public Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(() => inner.DeleteVersionAsync(versionId, cancellationToken));

    public Task<int> DeleteDefinitionAsync(string definitionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(() => inner.DeleteDefinitionAsync(definitionId, cancellationToken));

    private async Task<T> ChangeAsync<T>(Func<Task<T>> change)
    {
        Interlocked.Increment(ref generation);
        try
        {
            return await change();
        }
        finally
        {
            Interlocked.Increment(ref generation);
            published.Clear();
            versions.Clear();
        }
    }

    private async Task<StoredDefinition?> FindAsync(
        ConcurrentDictionary<string, Entry> cache,
        string key,
        Func<string, CancellationToken, Task<StoredDefinition?>> load,
        CancellationToken cancellationToken)
    {
        if (maxAge <= TimeSpan.Zero)
        {
            return await load(key, cancellationToken);
        }

        if (cache.TryGetValue(key, out var entry) && time.GetElapsedTime(entry.LoadedAt) < maxAge)
        {
            return entry.Definition;
        }

        var before = Interlocked.Read(ref generation);
        var loadedAt = time.GetTimestamp();
        var definition = await load(key, cancellationToken);
        if (definition is not null && (before & 1) == 0 && Interlocked.Read(ref generation) == before)
        {
            var added = new Entry(definition, loadedAt);
            cache[key] = added;
            if (Interlocked.Read(ref generation) != before)
            {
                cache.TryRemove(KeyValuePair.Create(key, added));
            }
        }

        return definition;
    }

    private sealed record Entry(StoredDefinition Definition, long LoadedAt);
}
