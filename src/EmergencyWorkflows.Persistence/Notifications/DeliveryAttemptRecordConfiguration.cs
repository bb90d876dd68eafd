using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Notifications;

internal sealed class DeliveryAttemptRecordConfiguration : IEntityTypeConfiguration<DeliveryAttemptRecord>
{
    public void Configure(EntityTypeBuilder<DeliveryAttemptRecord> builder)
    {
        builder.ToTable("NotificationDeliveryAttempts");
        builder.HasKey(a => new { a.DedupKey, a.Attempt });
        builder.Property(a => a.DedupKey).HasMaxLength(NotificationDeliveryRecordConfiguration.DedupKeyLength);
        builder.Property(a => a.Outcome).HasMaxLength(StoreLimits.EnumLength);
    }
}
