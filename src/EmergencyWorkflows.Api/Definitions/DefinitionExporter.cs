using System.Text;
using EmergencyWorkflows.Api.ElsaApi;
using EmergencyWorkflows.Api.Hosting;
using EmergencyWorkflows.Runtime.Definitions;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Definitions;

/// <summary>
/// Writes a stored version back to <c>workflows/{definitionId}.json</c> (Elsa's export format), so that plans edited
/// in the Studio can be committed to git. The seeder recognises the exported content and does not import it again.
/// </summary>
internal sealed class DefinitionExporter(
    IWorkflowDefinitionStore store,
    RepositoryPaths paths,
    IOptions<ServiceOptions> options,
    ILogger<DefinitionExporter> logger)
{
    public async Task<ExportedFile?> ExportAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        if (definitionId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || definitionId is "." or "..")
        {
            return null;
        }

        var stored = version is null
            ? await store.FindLatestAsync(definitionId, cancellationToken)
            : (await store.ListVersionsAsync(definitionId, cancellationToken)).FirstOrDefault(v => v.Version == version);
        if (stored is null)
        {
            return null;
        }

        var folder = paths.Resolve(options.Value.WorkflowsPath);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, definitionId + ".json");
        var temporary = target + ".tmp";
        var text = ElsaDefinitionShapes.Export(stored).ToJsonString(ExportJson.Options) + "\n";
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(temporary, target, overwrite: true);
        logger.LogInformation("Workflow {DefinitionId} version {Version} exported to {WorkflowFile}", definitionId, stored.Version, target);
        return new ExportedFile(definitionId, stored.Version, $"{options.Value.WorkflowsPath.TrimEnd('/')}/{definitionId}.json");
    }
}

internal sealed record ExportedFile(string DefinitionId, int Version, string Path);
