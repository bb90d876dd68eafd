using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class RotationOverrideRecordConfiguration : IEntityTypeConfiguration<RotationOverrideRecord>
{
    public void Configure(EntityTypeBuilder<RotationOverrideRecord> builder)
    {
        builder.ToTable("RotationOverrides");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(o => o.RotationId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(o => o.MemberId).HasMaxLength(StoreLimits.IdLength);
        builder.HasOne<TeamMemberRecord>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.RotationId, o.Until });
    }
}
