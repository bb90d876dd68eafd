using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class EscalationTargetRecordConfiguration : IEntityTypeConfiguration<EscalationTargetRecord>
{
    public void Configure(EntityTypeBuilder<EscalationTargetRecord> builder)
    {
        builder.ToTable("EscalationTargets");
        builder.HasKey(g => new { g.PolicyId, g.TierPosition, g.Position });
        builder.Property(g => g.PolicyId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(g => g.Kind).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(g => g.Ref).HasMaxLength(StoreLimits.IdLength);
    }
}
