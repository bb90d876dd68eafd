using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.ElsaApi;

/// <summary>
/// Elsa's draft / publish / version rules over our versioned store. Saving when the latest version is a draft updates
/// that draft in place; saving when the latest is published creates version N+1 as the new latest draft; publishing
/// marks one version published and unpublishes the others. A version is published only when the runtime can execute
/// it (the validator finds nothing). Running instances keep the version id they started on; new ones use the latest
/// published version.
/// </summary>
internal sealed class ElsaDefinitions(
    IWorkflowDefinitionStore store,
    IWorkflowInstanceStore instances,
    IWorkflowDefinitionValidator validator,
    TimeProvider time,
    ILogger<ElsaDefinitions> logger)
{
    public const string StudioOrigin = "studio";

    public Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken) =>
        store.FindLatestAsync(definitionId, cancellationToken);

    public Task<StoredDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken) =>
        store.FindByVersionIdAsync(versionId, cancellationToken);

    /// <summary>One version of a definition chosen by Elsa's <c>versionOptions</c> (default: latest).</summary>
    public async Task<StoredDefinition?> FindAsync(string definitionId, ElsaVersionOptions options, CancellationToken cancellationToken)
    {
        if (options.Kind == ElsaVersionKind.Published)
        {
            return await store.FindPublishedAsync(definitionId, cancellationToken);
        }

        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        return versions.Where(options.Matches).OrderByDescending(v => v.Version).FirstOrDefault()
            ?? (options.Kind == ElsaVersionKind.All ? versions.OrderByDescending(v => v.Version).FirstOrDefault() : null);
    }

    /// <summary>Every stored version of every definition (definitions are few: one per incident category and plan).</summary>
    public async Task<List<StoredDefinition>> ListAllVersionsAsync(CancellationToken cancellationToken)
    {
        var all = new List<StoredDefinition>();
        foreach (var latest in await store.ListLatestAsync(cancellationToken))
        {
            all.AddRange(await store.ListVersionsAsync(latest.DefinitionId, cancellationToken));
        }

        return all;
    }

    public async Task<bool> IsNameUniqueAsync(string name, string? definitionId, CancellationToken cancellationToken)
    {
        var latest = await store.ListLatestAsync(cancellationToken);
        return !latest.Any(d => d.DefinitionId != definitionId && string.Equals(d.Name, name, StringComparison.Ordinal));
    }

    /// <summary>
    /// Saves a model from the Studio (auto-save, Save, Publish, Create, Import). With <paramref name="publish"/>, a
    /// model the runtime could not execute is refused and nothing is stored.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(JsonObject model, bool publish, CancellationToken cancellationToken)
    {
        var definitionId = ElsaDefinitionShapes.Text(model, "definitionId");
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            definitionId = ElsaDefinitionShapes.NewId();
        }

        var latest = await store.FindLatestAsync(definitionId, cancellationToken);
        var (version, versionId) = latest switch
        {
            null => (1, NewVersionId()),
            { IsPublished: true } => (latest.Version + 1, NewVersionId()),
            _ when await HasInstancesAsync(latest, cancellationToken) => (latest.Version + 1, NewVersionId()),
            _ => (latest.Version, latest.VersionId),
        };

        var name = ElsaDefinitionShapes.Text(model, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            name = latest?.Name ?? definitionId;
        }

        var json = Stamp(model, definitionId, versionId, version, name);
        var errors = Validate(json);
        if (publish && errors.Count > 0)
        {
            return SaveOutcome.Invalid(errors);
        }

        var stored = new StoredDefinition
        {
            VersionId = versionId,
            DefinitionId = definitionId,
            Version = version,
            Name = name,
            IsLatest = true,
            IsPublished = publish,
            Json = json.ToJsonString(),
            ValidationErrors = errors,
            Origin = StudioOrigin,
            ContentHash = null,
            CreatedAt = latest is not null && latest.VersionId == versionId ? latest.CreatedAt : time.GetUtcNow(),
        };
        await store.SaveAsync(stored, cancellationToken);
        logger.LogInformation("Studio saved workflow {DefinitionId} version {Version} ({VersionId}); published: {Published}",
            definitionId, version, versionId, publish);
        return SaveOutcome.Saved((await store.FindByVersionIdAsync(versionId, cancellationToken))!, alreadyPublished: false);
    }

    /// <summary>Publishes the latest version, if the runtime can execute it.</summary>
    public async Task<SaveOutcome?> PublishAsync(string definitionId, CancellationToken cancellationToken)
    {
        var latest = await store.FindLatestAsync(definitionId, cancellationToken);
        if (latest is null)
        {
            return null;
        }

        if (latest.IsPublished)
        {
            return SaveOutcome.Saved(latest, alreadyPublished: true);
        }

        var errors = Validate(ElsaDefinitionShapes.ParseObject(latest.Json));
        if (errors.Count > 0)
        {
            return SaveOutcome.Invalid(errors);
        }

        await store.SaveAsync(latest with { IsPublished = true, ValidationErrors = [] }, cancellationToken);
        logger.LogInformation("Workflow {DefinitionId} version {Version} published", definitionId, latest.Version);
        return SaveOutcome.Saved((await store.FindByVersionIdAsync(latest.VersionId, cancellationToken))!, alreadyPublished: false);
    }

    /// <summary>Unpublishes the published version: new instances can no longer start; running ones go on.</summary>
    public async Task<StoredDefinition?> RetractAsync(string definitionId, CancellationToken cancellationToken)
    {
        var published = await store.FindPublishedAsync(definitionId, cancellationToken);
        if (published is null)
        {
            return null;
        }

        await store.SaveAsync(published with { IsPublished = false }, cancellationToken);
        logger.LogInformation("Workflow {DefinitionId} version {Version} retracted", definitionId, published.Version);
        return await store.FindByVersionIdAsync(published.VersionId, cancellationToken);
    }

    /// <summary>Makes the content of an older version the latest draft (Elsa's revert).</summary>
    public async Task<StoredDefinition?> RevertAsync(string definitionId, int version, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        var source = versions.FirstOrDefault(v => v.Version == version);
        if (source is null)
        {
            return null;
        }

        var outcome = await SaveAsync(ElsaDefinitionShapes.Definition(source), publish: false, cancellationToken);
        return outcome.Definition;
    }

    /// <summary>
    /// Deletes every version, unless a running instance still needs one (it resumes on the exact version it started
    /// on, so deleting it would strand an incident): then nothing is deleted and the reason is returned.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync(string definitionId, CancellationToken cancellationToken)
    {
        var running = await RunningVersionsAsync(definitionId, cancellationToken);
        if (running.Count > 0)
        {
            return DeleteOutcome.Refused(
                $"Workflow definition '{definitionId}' still has running instances (on version {string.Join(", ", running)}); cancel or finish them first.");
        }

        return await store.DeleteDefinitionAsync(definitionId, cancellationToken) > 0 ? DeleteOutcome.Deleted : DeleteOutcome.NotFound;
    }

    /// <summary>Deletes one version, unless a running instance is on it.</summary>
    public async Task<DeleteOutcome> DeleteVersionAsync(string versionId, CancellationToken cancellationToken)
    {
        var version = await store.FindByVersionIdAsync(versionId, cancellationToken);
        if (version is null)
        {
            return DeleteOutcome.NotFound;
        }

        if ((await RunningVersionsAsync(version.DefinitionId, cancellationToken)).Contains(version.Version))
        {
            return DeleteOutcome.Refused(
                $"Version {version.Version} of workflow definition '{version.DefinitionId}' has running instances; cancel or finish them first.");
        }

        return await store.DeleteVersionAsync(versionId, cancellationToken) ? DeleteOutcome.Deleted : DeleteOutcome.NotFound;
    }

    /// <summary>
    /// A draft that instances ran on (e.g. a retracted version) is frozen: editing it would change the definition under
    /// them, so the edit becomes the next version instead.
    /// </summary>
    private async Task<bool> HasInstancesAsync(StoredDefinition draft, CancellationToken cancellationToken)
    {
        var all = await instances.ListAsync(new InstanceQuery(draft.DefinitionId, Take: int.MaxValue), cancellationToken);
        return all.Any(i => i.DefinitionVersion == draft.Version);
    }

    private async Task<SortedSet<int>> RunningVersionsAsync(string definitionId, CancellationToken cancellationToken)
    {
        var running = await instances.ListAsync(
            new InstanceQuery(definitionId, Status: WorkflowStatus.Running, Take: int.MaxValue), cancellationToken);
        return [.. running.Select(i => i.DefinitionVersion)];
    }

    /// <summary>What stops the runtime from executing this JSON; empty when it can run it.</summary>
    public IReadOnlyList<string> Validate(JsonObject json)
    {
        try
        {
            return validator.Validate(WorkflowDefinitionReader.Read((JsonObject)json.DeepClone()));
        }
        catch (DefinitionFormatException ex)
        {
            return [$"The definition is not valid: {ex.Message}"];
        }
    }

    private static JsonObject Stamp(JsonObject model, string definitionId, string versionId, int version, string name)
    {
        var json = (JsonObject)model.DeepClone();
        foreach (var key in new[] { "links", "isLatest", "isPublished", "$schema" })
        {
            json.Remove(key);
        }

        json["id"] = versionId;
        json["definitionId"] = definitionId;
        json["version"] = version;
        json["name"] = name;
        json["toolVersion"] = ElsaDefinitionShapes.Text(json, "toolVersion") ?? ElsaDefinitionShapes.ToolVersion;
        json["root"] = ElsaDefinitionShapes.NormalizeRoot(json["root"] as JsonObject);
        return json;
    }

    private static string NewVersionId() => Guid.CreateVersion7().ToString("N");
}

/// <summary>The result of a delete: done, nothing there, or refused with the reason.</summary>
internal sealed record DeleteOutcome(bool IsDeleted, bool Exists, string? Error)
{
    public static readonly DeleteOutcome Deleted = new(true, true, null);
    public static readonly DeleteOutcome NotFound = new(false, false, null);

    public static DeleteOutcome Refused(string error) => new(false, true, error);
}

/// <summary>The result of a save or publish: the stored version, or the errors that refused it.</summary>
internal sealed record SaveOutcome(StoredDefinition? Definition, bool AlreadyPublished, IReadOnlyList<string> Errors)
{
    public static SaveOutcome Saved(StoredDefinition definition, bool alreadyPublished) => new(definition, alreadyPublished, []);

    public static SaveOutcome Invalid(IReadOnlyList<string> errors) => new(null, false, errors);
}
