using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Definitions;

/// <summary>
/// One version of an Elsa-3 workflow definition, as read from its JSON. <see cref="Source"/> keeps the JSON as it
/// was read (designer positions, metadata, custom properties) so that writing it back loses nothing.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Id of this version (Elsa's <c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Logical id shared by all versions (Elsa's <c>definitionId</c>).</summary>
    public required string DefinitionId { get; init; }

    public string? Name { get; init; }
    public string? Description { get; init; }
    public int Version { get; init; } = 1;
    public bool IsLatest { get; init; } = true;
    public bool IsPublished { get; init; } = true;
    public string? ToolVersion { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];
    public IReadOnlyList<ArgumentDefinition> Inputs { get; init; } = [];
    public IReadOnlyList<ArgumentDefinition> Outputs { get; init; } = [];

    /// <summary>True when <c>options.incidentStrategyType</c> names Elsa's ContinueWithIncidentsStrategy.</summary>
    public bool ContinueWithIncidents { get; init; }

    public required ActivityNode Root { get; init; }

    /// <summary>The definition JSON as read (BOM stripped). Never mutated by the runtime.</summary>
    public required JsonObject Source { get; init; }

    /// <summary>Things the reader tolerated but dropped or repaired (e.g. a dangling connection).</summary>
    public IReadOnlyList<string> ReaderWarnings { get; init; } = [];

    /// <summary>Major version of <see cref="ToolVersion"/>; Elsa uses activity names (not ids) in JS accessors from 3 on.</summary>
    public int ToolMajorVersion =>
        ToolVersion is not null && int.TryParse(ToolVersion.Split('.')[0], out var major) ? major : 0;

    /// <summary>Every activity in the definition, the root and nested ones, in document order.</summary>
    public IEnumerable<ActivityNode> AllActivities() => Root.SelfAndDescendants();

    public ActivityNode? FindActivity(string id) => AllActivities().FirstOrDefault(a => a.Id == id);
}

/// <summary>A workflow variable (§1.8). <see cref="DefaultValue"/> is the string Elsa stores.</summary>
public sealed record VariableDefinition(
    string Id,
    string Name,
    string TypeName,
    bool IsArray,
    string? DefaultValue,
    string? StorageDriverTypeName);

/// <summary>A declared workflow input or output (§1.9).</summary>
public sealed record ArgumentDefinition(string Name, string Type, bool IsArray, string? DisplayName, string? Description);
