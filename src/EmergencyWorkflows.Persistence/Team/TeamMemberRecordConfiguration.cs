using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class TeamMemberRecordConfiguration : IEntityTypeConfiguration<TeamMemberRecord>
{
    public void Configure(EntityTypeBuilder<TeamMemberRecord> builder)
    {
        builder.ToTable("TeamMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(m => m.DisplayName).HasMaxLength(StoreLimits.NameLength);
        builder.Property(m => m.Department).HasMaxLength(StoreLimits.NameLength);
        builder.Property(m => m.Phone).HasMaxLength(StoreLimits.NameLength);
        builder.Property(m => m.Email).HasMaxLength(StoreLimits.NameLength);
        builder.Property(m => m.DeactivatedBy).HasMaxLength(StoreLimits.NameLength);
        builder.Property(m => m.DeactivationReason).HasMaxLength(StoreLimits.NameLength);
        builder.Property(m => m.ReactivatedBy).HasMaxLength(StoreLimits.NameLength);
        builder.Ignore(m => m.Active);
        builder.HasMany(m => m.Roles).WithOne().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.ImAccounts).WithOne().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.Position);
    }
}
