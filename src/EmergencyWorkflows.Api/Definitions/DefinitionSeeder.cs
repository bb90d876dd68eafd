using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.ElsaApi;
using EmergencyWorkflows.Api.Hosting;
using EmergencyWorkflows.Runtime.Definitions;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Definitions;

/// <summary>
/// At start-up, imports every <c>workflows/*.json</c> as a definition version (file name = definition id). A file is
/// imported again only when its content changed; a valid one is published. A file that does not parse or validate
/// never stops the service: it is stored unpublished with its errors and logged. When the latest stored version was
/// edited (in the Studio or through the API) after the file was imported, the file wins only if it was written after
/// that edit; otherwise the edit is kept and a warning says so (never a silent overwrite).
/// </summary>
internal sealed class DefinitionSeeder(
    IWorkflowDefinitionStore store,
    IWorkflowDefinitionValidator validator,
    RepositoryPaths paths,
    IOptions<ServiceOptions> options,
    TimeProvider time,
    ILogger<DefinitionSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = paths.Resolve(options.Value.WorkflowsPath);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Workflows folder {WorkflowsPath} does not exist; no definitions seeded", folder);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                await ImportAsync(file, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "Workflow file {WorkflowFile} could not be read; skipped", Path.GetFileName(file));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ImportAsync(string file, CancellationToken cancellationToken)
    {
        var definitionId = Path.GetFileNameWithoutExtension(file);
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var hash = Convert.ToHexString(SHA256.HashData(bytes));
        var latest = await store.FindLatestAsync(definitionId, cancellationToken);
        if (latest?.ContentHash == hash)
        {
            logger.LogDebug("Workflow {DefinitionId} unchanged (version {Version})", definitionId, latest.Version);
            return;
        }

        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        if (latest is not null && ElsaDefinitionShapes.SameContent(text, latest.Json))
        {
            logger.LogDebug("Workflow {DefinitionId} file has the content of version {Version} (e.g. exported); not imported again",
                definitionId, latest.Version);
            return;
        }

        if (latest is not null && latest.Origin?.StartsWith("file:", StringComparison.Ordinal) != true)
        {
            var written = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
            if (written <= latest.CreatedAt)
            {
                logger.LogWarning(
                    "Workflow {DefinitionId}: the stored version {Version} ({Origin}, {EditedAt}) is newer than {WorkflowFile} ({FileWrittenAt}); the stored edit is kept and the file is NOT imported. Export the definition to update the file.",
                    definitionId, latest.Version, latest.Origin, latest.CreatedAt, Path.GetFileName(file), written);
                return;
            }

            logger.LogWarning(
                "Workflow {DefinitionId}: {WorkflowFile} ({FileWrittenAt}) was written after the stored edit version {Version} ({EditedAt}); importing the file as a new version",
                definitionId, Path.GetFileName(file), written, latest.Version, latest.CreatedAt);
        }

        var version = (latest?.Version ?? 0) + 1;
        var versionId = Guid.CreateVersion7().ToString("N");
        var (json, name, errors) = Check(text, definitionId, versionId, version);

        await store.SaveAsync(new StoredDefinition
        {
            VersionId = versionId,
            DefinitionId = definitionId,
            Version = version,
            Name = name ?? definitionId,
            IsLatest = true,
            IsPublished = errors.Count == 0,
            Json = json,
            ValidationErrors = errors,
            Origin = $"file:{options.Value.WorkflowsPath.TrimEnd('/')}/{Path.GetFileName(file)}",
            ContentHash = hash,
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);

        if (errors.Count == 0)
        {
            logger.LogInformation("Workflow {DefinitionId} version {Version} imported and published", definitionId, version);
        }
        else
        {
            logger.LogError("Workflow {DefinitionId} version {Version} imported UNPUBLISHED with {ErrorCount} errors: {Errors}",
                definitionId, version, errors.Count, errors);
        }
    }

    /// <summary>
    /// Reads and validates the text. The stored JSON carries the file's identity (definitionId = file name, this
    /// version and version id), so the runtime sees the same id the API uses.
    /// </summary>
    private (string Json, string? Name, IReadOnlyList<string> Errors) Check(string text, string definitionId, string versionId, int version)
    {
        JsonObject source;
        try
        {
            source = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = WorkflowDefinitionReader.MaxDepth,
            }) as JsonObject ?? throw new DefinitionFormatException("The file does not hold a JSON object.");
        }
        catch (Exception ex) when (ex is JsonException or DefinitionFormatException)
        {
            return (text, null, [$"The file is not a valid definition: {ex.Message}"]);
        }

        var target = source["root"] is null && source["model"] is JsonObject model ? model : source;
        target["definitionId"] = definitionId;
        target["id"] = versionId;
        target["version"] = version;
        var json = target.ToJsonString();
        try
        {
            var definition = WorkflowDefinitionReader.Read(target);
            return (json, definition.Name, validator.Validate(definition));
        }
        catch (DefinitionFormatException ex)
        {
            var name = target["name"] is JsonValue value && value.TryGetValue<string>(out var declared) ? declared : null;
            return (json, name, [$"The file is not a valid definition: {ex.Message}"]);
        }
    }
}
