namespace EmergencyWorkflows.Persistence.Definitions;

/// <summary>One stored version of a workflow definition, with its JSON text and what validation found.</summary>
public sealed class DefinitionRecord
{
    public required string VersionId { get; set; }
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }
    public required string Json { get; set; }

    /// <summary>A JSON array of strings; "[]" when the version is valid.</summary>
    public required string ValidationErrorsJson { get; set; }

    public string? Origin { get; set; }
    public string? ContentHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
