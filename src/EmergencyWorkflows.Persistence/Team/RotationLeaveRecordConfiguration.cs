using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class RotationLeaveRecordConfiguration : IEntityTypeConfiguration<RotationLeaveRecord>
{
    public void Configure(EntityTypeBuilder<RotationLeaveRecord> builder)
    {
        builder.ToTable("RotationLeaves");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(l => l.RotationId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(l => l.MemberId).HasMaxLength(StoreLimits.IdLength);
        builder.HasOne<TeamMemberRecord>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.RotationId, l.Until });
    }
}
