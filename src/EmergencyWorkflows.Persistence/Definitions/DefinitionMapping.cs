using System.Text.Json;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Persistence.Definitions;

internal static class DefinitionMapping
{
    public static DefinitionRecord ToRecord(StoredDefinition definition)
    {
        var record = new DefinitionRecord
        {
            VersionId = definition.VersionId,
            DefinitionId = definition.DefinitionId,
            Json = definition.Json,
            ValidationErrorsJson = "[]",
        };
        CopyTo(definition, record);
        return record;
    }

    /// <summary>Copies everything but the identity. IsLatest is left to the store, which derives it from the versions.</summary>
    public static void CopyTo(StoredDefinition definition, DefinitionRecord record)
    {
        record.DefinitionId = definition.DefinitionId;
        record.Version = definition.Version;
        record.Name = definition.Name;
        record.IsPublished = definition.IsPublished;
        record.Json = definition.Json;
        record.ValidationErrorsJson = JsonSerializer.Serialize(definition.ValidationErrors, PersistenceJson.Options);
        record.Origin = definition.Origin;
        record.ContentHash = definition.ContentHash;
        record.CreatedAt = definition.CreatedAt;
    }

    public static StoredDefinition ToDefinition(DefinitionRecord record) => new()
    {
        VersionId = record.VersionId,
        DefinitionId = record.DefinitionId,
        Version = record.Version,
        Name = record.Name,
        IsLatest = record.IsLatest,
        IsPublished = record.IsPublished,
        Json = record.Json,
        ValidationErrors = JsonSerializer.Deserialize<List<string>>(record.ValidationErrorsJson, PersistenceJson.Options) ?? [],
        Origin = record.Origin,
        ContentHash = record.ContentHash,
        CreatedAt = record.CreatedAt,
    };
}
