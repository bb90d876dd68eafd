using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Notifications;

internal sealed class NotificationDeliveryRecordConfiguration : IEntityTypeConfiguration<NotificationDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<NotificationDeliveryRecord> builder)
    {
        builder.ToTable("NotificationDeliveries");
        builder.HasKey(d => d.DedupKey);
        builder.Property(d => d.DedupKey).HasMaxLength(DedupKeyLength);
        builder.Property(d => d.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(d => d.InstanceId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(d => d.Topic).HasMaxLength(TopicLength);
        builder.Property(d => d.RecipientId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(d => d.Channel).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(d => d.Status).HasMaxLength(StoreLimits.EnumLength).IsConcurrencyToken();
        builder.Property(d => d.Attempts).IsConcurrencyToken();
        builder.Property(d => d.AckUrl).HasMaxLength(2048);

        // The dedup rule itself, stated on the columns (the key is derived from the same six values).
        builder.HasIndex(d => new { d.IncidentId, d.Topic, d.Tier, d.Repetition, d.RecipientId, d.Channel }).IsUnique();
        builder.HasIndex(d => d.InstanceId);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DedupKey).OnDelete(DeleteBehavior.Cascade);
    }

    // Six percent-encoded parts: two ids of up to 200 characters, a topic of up to 400, plus the small ones.
    internal const int DedupKeyLength = 1000;

    // A topic names a task, an announcement or an action (ids up to 200 characters) behind a short prefix.
    internal const int TopicLength = 400;
}
