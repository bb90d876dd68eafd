using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Definitions;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Api.Instances;

/// <summary>What the API shows of an instance. Variables are keyed by their NAME (the instance stores them by id).</summary>
internal sealed record InstanceView(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    string? CorrelationId,
    string? Name,
    JsonObject Variables,
    JsonObject Input,
    JsonObject Output,
    IReadOnlyList<BookmarkView> Bookmarks,
    IReadOnlyList<IncidentView> Incidents,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);

internal sealed record BookmarkView(string Id, string Name, string? Key, string ActivityId, DateTimeOffset? DueAt);

internal sealed record IncidentView(string ActivityId, string ActivityType, string Message, string? ExceptionType, DateTimeOffset Timestamp);

/// <summary>Builds <see cref="InstanceView"/>s; the definition version the instance runs names its variables.</summary>
internal sealed class InstanceViews(DefinitionCatalog catalog)
{
    public async Task<InstanceView> CreateAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var definition = await catalog.FindAsync(instance.DefinitionVersionId, cancellationToken);
        var names = definition?.Variables.ToDictionary(v => v.Id, v => v.Name, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);

        var variables = new JsonObject();
        foreach (var (id, value) in instance.Variables)
        {
            // Dynamic variables (set by a script under a name the definition does not declare) keep their key.
            variables[names.GetValueOrDefault(id, id)] = value?.DeepClone();
        }

        return new InstanceView(
            instance.Id,
            instance.DefinitionId,
            instance.DefinitionVersion,
            instance.Status,
            instance.SubStatus,
            instance.CorrelationId,
            instance.Name,
            variables,
            (JsonObject)instance.Input.DeepClone(),
            (JsonObject)instance.Output.DeepClone(),
            instance.Bookmarks.Select(b => new BookmarkView(b.Id, b.Name, b.Key, b.ActivityId, b.DueAt)).ToList(),
            instance.Incidents.Select(i => new IncidentView(i.ActivityId, i.ActivityType, i.Message, i.ExceptionType, i.Timestamp)).ToList(),
            instance.CreatedAt,
            instance.UpdatedAt,
            instance.FinishedAt);
    }
}
