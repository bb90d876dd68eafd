using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Definitions;

internal sealed class DefinitionRecordConfiguration : IEntityTypeConfiguration<DefinitionRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.HasKey(d => d.VersionId);
        builder.Property(d => d.VersionId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(d => d.DefinitionId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(d => d.Name).HasMaxLength(StoreLimits.NameLength);
        builder.Property(d => d.Origin).HasMaxLength(StoreLimits.NameLength);
        builder.Property(d => d.ContentHash).HasMaxLength(128);
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.HasIndex(d => d.IsLatest);
    }
}
