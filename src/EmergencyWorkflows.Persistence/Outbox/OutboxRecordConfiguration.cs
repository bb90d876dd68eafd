using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Outbox;

internal sealed class OutboxRecordConfiguration : IEntityTypeConfiguration<OutboxRecord>
{
    public void Configure(EntityTypeBuilder<OutboxRecord> builder)
    {
        builder.ToTable("Outbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(o => o.InstanceId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(o => o.Kind).HasMaxLength(StoreLimits.NameLength);
        builder.HasIndex(o => new { o.DispatchedAt, o.CreatedAt });
        builder.HasIndex(o => o.InstanceId);
    }
}
