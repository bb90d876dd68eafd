using EmergencyWorkflows.Persistence.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Bookmarks;

internal sealed class BookmarkRecordConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> builder)
    {
        builder.ToTable("Bookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(b => b.InstanceId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(b => b.Name).HasMaxLength(StoreLimits.NameLength);
        builder.Property(b => b.Key).HasMaxLength(StoreLimits.NameLength);
        builder.Property(b => b.CorrelationId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(b => b.ActivityId).HasMaxLength(StoreLimits.IdLength);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.Name, b.Key, b.CorrelationId });
        builder.HasIndex(b => b.DueAt);
    }
}
