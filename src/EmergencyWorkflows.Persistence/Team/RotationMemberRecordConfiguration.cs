using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class RotationMemberRecordConfiguration : IEntityTypeConfiguration<RotationMemberRecord>
{
    public void Configure(EntityTypeBuilder<RotationMemberRecord> builder)
    {
        builder.ToTable("RotationMembers");
        builder.HasKey(m => new { m.RotationId, m.Position });
        builder.Property(m => m.RotationId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(m => m.MemberId).HasMaxLength(StoreLimits.IdLength);
        // A member on a rotation cannot be deleted: the API says which rotation holds them.
        builder.HasOne<TeamMemberRecord>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
