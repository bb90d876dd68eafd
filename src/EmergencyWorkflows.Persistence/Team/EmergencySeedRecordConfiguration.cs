using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Team;

internal sealed class EmergencySeedRecordConfiguration : IEntityTypeConfiguration<EmergencySeedRecord>
{
    public void Configure(EntityTypeBuilder<EmergencySeedRecord> builder)
    {
        builder.ToTable("EmergencySeeds");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(StoreLimits.IdLength);
    }
}
