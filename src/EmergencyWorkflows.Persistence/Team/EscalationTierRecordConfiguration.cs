using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class EscalationTierRecordConfiguration : IEntityTypeConfiguration<EscalationTierRecord>
{
    public void Configure(EntityTypeBuilder<EscalationTierRecord> builder)
    {
        builder.ToTable("EscalationTiers");
        builder.HasKey(t => new { t.PolicyId, t.Position });
        builder.Property(t => t.PolicyId).HasMaxLength(StoreLimits.IdLength);
        builder.HasMany(t => t.Targets).WithOne().HasForeignKey(g => new { g.PolicyId, g.TierPosition }).OnDelete(DeleteBehavior.Cascade);
    }
}
