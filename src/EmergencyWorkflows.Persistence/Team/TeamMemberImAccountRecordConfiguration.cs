using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class TeamMemberImAccountRecordConfiguration : IEntityTypeConfiguration<TeamMemberImAccountRecord>
{
    public void Configure(EntityTypeBuilder<TeamMemberImAccountRecord> builder)
    {
        builder.ToTable("TeamMemberImAccounts");
        builder.HasKey(a => new { a.MemberId, a.Platform });
        builder.Property(a => a.MemberId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.Platform).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(a => a.Account).HasMaxLength(StoreLimits.NameLength);
    }
}
