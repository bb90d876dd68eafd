using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Instances;

internal sealed class WorkflowInstanceRecordConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.DefinitionId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.DefinitionVersionId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.CorrelationId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.Name).HasMaxLength(StoreLimits.NameLength);
        builder.Property(i => i.Status).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(i => i.SubStatus).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => i.DefinitionId);
        builder.HasIndex(i => i.CorrelationId);
        builder.HasIndex(i => i.Status);
    }
}
