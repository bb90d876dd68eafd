using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>Information release and closure: announcements, the review and its improvement actions.</summary>
internal sealed class ReleaseRecordConfiguration :
    IEntityTypeConfiguration<AnnouncementRecord>,
    IEntityTypeConfiguration<ReviewRecord>,
    IEntityTypeConfiguration<ImprovementActionRecord>
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        var configuration = new ReleaseRecordConfiguration();
        modelBuilder.ApplyConfiguration<AnnouncementRecord>(configuration);
        modelBuilder.ApplyConfiguration<ReviewRecord>(configuration);
        modelBuilder.ApplyConfiguration<ImprovementActionRecord>(configuration);
    }

    public void Configure(EntityTypeBuilder<AnnouncementRecord> builder)
    {
        builder.ToTable("Announcements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.Kind).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(a => a.Channels).HasMaxLength(StoreLimits.NameLength);
        builder.Property(a => a.Language).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(a => a.Title).HasMaxLength(StoreLimits.NameLength);
        builder.Property(a => a.PublishedBy).HasMaxLength(StoreLimits.IdLength);
        builder.HasOne<IncidentRecord>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.IncidentId, a.Sequence }).IsUnique();
        builder.HasIndex(a => a.PublishedAt);
    }

    public void Configure(EntityTypeBuilder<ReviewRecord> builder)
    {
        builder.ToTable("IncidentReviews");
        builder.HasKey(r => r.IncidentId);
        builder.Property(r => r.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(r => r.WrittenBy).HasMaxLength(StoreLimits.IdLength);
        builder.HasOne<IncidentRecord>().WithOne().HasForeignKey<ReviewRecord>(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ImprovementActionRecord> builder)
    {
        builder.ToTable("ImprovementActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.Title).HasMaxLength(StoreLimits.NameLength);
        builder.Property(a => a.OwnerId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.DoneBy).HasMaxLength(StoreLimits.IdLength);
        builder.HasOne<ReviewRecord>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.IncidentId, a.Ordinal }).IsUnique();
        builder.HasIndex(a => new { a.DoneAt, a.DueAt });
    }
}
