using EmergencyWorkflows.Runtime.Definitions;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Definitions;

/// <summary>
/// Versioned definitions. IsLatest is derived (the highest version of a definition); IsPublished is what the
/// caller says, and publishing a version unpublishes every other version of that definition.
/// </summary>
internal sealed class EfWorkflowDefinitionStore(IDbContextFactory<WorkflowsDbContext> contexts, WriteGate writeGate) : IWorkflowDefinitionStore
{
    public async Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : DefinitionMapping.ToDefinition(record);
    }

    public async Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : DefinitionMapping.ToDefinition(record);
    }

    public async Task<StoredDefinition?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.VersionId == versionId, cancellationToken);
        return record is null ? null : DefinitionMapping.ToDefinition(record);
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId)
            .OrderBy(d => d.Version)
            .ToListAsync(cancellationToken);
        return records.Select(DefinitionMapping.ToDefinition).ToList();
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Definitions.AsNoTracking()
            .Where(d => d.IsLatest)
            .OrderBy(d => d.DefinitionId)
            .ToListAsync(cancellationToken);
        return records.Select(DefinitionMapping.ToDefinition).ToList();
    }

    /// <summary>Inserts a new version, or updates the version with the same VersionId (e.g. publishing a draft).</summary>
    public async Task SaveAsync(StoredDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var definitionId = definition.DefinitionId;
        var existing = await db.Definitions.SingleOrDefaultAsync(d => d.VersionId == definition.VersionId, cancellationToken);
        if (existing is null)
        {
            db.Definitions.Add(DefinitionMapping.ToRecord(definition));
        }
        else
        {
            DefinitionMapping.CopyTo(definition, existing);
        }

        if (definition.IsPublished)
        {
            await db.Definitions
                .Where(d => d.DefinitionId == definitionId && d.VersionId != definition.VersionId && d.IsPublished)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, false), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        var newest = await db.Definitions.Where(d => d.DefinitionId == definitionId).MaxAsync(d => d.Version, cancellationToken);
        await db.Definitions
            .Where(d => d.DefinitionId == definitionId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsLatest, d => d.Version == newest), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> DeleteVersionAsync(string versionId, CancellationToken cancellationToken = default)
    {
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Definitions.SingleOrDefaultAsync(d => d.VersionId == versionId, cancellationToken);
        if (record is null)
        {
            return false;
        }

        db.Definitions.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        var remaining = db.Definitions.Where(d => d.DefinitionId == record.DefinitionId);
        if (await remaining.AnyAsync(cancellationToken))
        {
            var newest = await remaining.MaxAsync(d => d.Version, cancellationToken);
            await remaining.ExecuteUpdateAsync(s => s.SetProperty(d => d.IsLatest, d => d.Version == newest), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> DeleteDefinitionAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Definitions.Where(d => d.DefinitionId == definitionId).ExecuteDeleteAsync(cancellationToken);
    }
}
