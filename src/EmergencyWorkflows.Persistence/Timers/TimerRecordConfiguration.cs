using EmergencyWorkflows.Persistence.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Timers;

internal sealed class TimerRecordConfiguration : IEntityTypeConfiguration<TimerRecord>
{
    public void Configure(EntityTypeBuilder<TimerRecord> builder)
    {
        builder.ToTable("Timers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(t => t.InstanceId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(StoreLimits.EnumLength);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.State, t.DueAt });
    }
}
