using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class TeamMemberRoleRecordConfiguration : IEntityTypeConfiguration<TeamMemberRoleRecord>
{
    public void Configure(EntityTypeBuilder<TeamMemberRoleRecord> builder)
    {
        builder.ToTable("TeamMemberRoles");
        builder.HasKey(r => new { r.MemberId, r.Role });
        builder.Property(r => r.MemberId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(r => r.Role).HasMaxLength(StoreLimits.IdLength);
        builder.HasIndex(r => r.Role);
    }
}
