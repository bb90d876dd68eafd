namespace EmergencyWorkflows.Runtime.Definitions;

/// <summary>Identity fields to stamp on a definition when it is written; null members keep the source's value.</summary>
public sealed record DefinitionIdentity(
    string? Id = null,
    string? DefinitionId = null,
    int? Version = null,
    bool? IsLatest = null,
    bool? IsPublished = null,
    string? Name = null);
