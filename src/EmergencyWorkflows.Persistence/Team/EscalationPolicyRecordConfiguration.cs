using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class EscalationPolicyRecordConfiguration : IEntityTypeConfiguration<EscalationPolicyRecord>
{
    public void Configure(EntityTypeBuilder<EscalationPolicyRecord> builder)
    {
        builder.ToTable("EscalationPolicies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(p => p.Name).HasMaxLength(StoreLimits.NameLength);
        builder.HasMany(p => p.Tiers).WithOne().HasForeignKey(t => t.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}
