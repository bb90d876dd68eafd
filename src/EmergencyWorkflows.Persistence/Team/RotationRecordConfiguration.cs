using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class RotationRecordConfiguration : IEntityTypeConfiguration<RotationRecord>
{
    public void Configure(EntityTypeBuilder<RotationRecord> builder)
    {
        builder.ToTable("Rotations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(r => r.Name).HasMaxLength(StoreLimits.NameLength);
        builder.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RotationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Overrides).WithOne().HasForeignKey(o => o.RotationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Leaves).WithOne().HasForeignKey(l => l.RotationId).OnDelete(DeleteBehavior.Cascade);
    }
}
