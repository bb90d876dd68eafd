using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Notifications;

internal sealed class InboxItemRecordConfiguration : IEntityTypeConfiguration<InboxItemRecord>
{
    public void Configure(EntityTypeBuilder<InboxItemRecord> builder)
    {
        builder.ToTable("InboxItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(NotificationDeliveryRecordConfiguration.DedupKeyLength);
        builder.Property(i => i.RecipientId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.AckUrl).HasMaxLength(2048);
        builder.HasIndex(i => new { i.RecipientId, i.CreatedAt });
    }
}
