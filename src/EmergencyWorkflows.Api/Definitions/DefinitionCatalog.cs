using System.Collections.Concurrent;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Api.Definitions;

/// <summary>
/// Parsed definition versions by version id, for views that need a definition's metadata (variable names). A
/// version never changes once stored, so a parse is kept for the life of the process.
/// </summary>
internal sealed class DefinitionCatalog(IWorkflowDefinitionStore store)
{
    private readonly ConcurrentDictionary<string, WorkflowDefinition?> parsed = new(StringComparer.Ordinal);

    public async Task<WorkflowDefinition?> FindAsync(string versionId, CancellationToken cancellationToken)
    {
        if (parsed.TryGetValue(versionId, out var known))
        {
            return known;
        }

        var stored = await store.FindByVersionIdAsync(versionId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        WorkflowDefinition? definition;
        try
        {
            definition = WorkflowDefinitionReader.Read(stored.Json);
        }
        catch (Exception ex) when (ex is DefinitionFormatException or System.Text.Json.JsonException)
        {
            definition = null;
        }

        return parsed.GetOrAdd(versionId, definition);
    }
}
