using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Incidents;

internal sealed class IncidentRecordConfiguration :
    IEntityTypeConfiguration<IncidentRecord>,
    IEntityTypeConfiguration<IncidentTimelineRecord>,
    IEntityTypeConfiguration<IncidentAttachmentRecord>,
    IEntityTypeConfiguration<IncidentParticipantRecord>,
    IEntityTypeConfiguration<IncidentApprovalRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("Incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.DefinitionId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.Category).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(i => i.Channel).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(i => i.Status).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(i => i.Location).HasMaxLength(StoreLimits.NameLength);
        builder.Property(i => i.ReporterName).HasMaxLength(StoreLimits.NameLength);
        builder.Property(i => i.ReporterPhone).HasMaxLength(StoreLimits.NameLength);
        builder.Property(i => i.ReporterEmail).HasMaxLength(StoreLimits.NameLength);
        builder.Property(i => i.ReporterImAccount).HasMaxLength(StoreLimits.NameLength);
        builder.Property(i => i.ReportedBy).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.ReportedByMemberId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.ReportedBy);
        builder.HasIndex(i => i.Status);
        builder.HasIndex(i => i.WorkflowStarted);
        builder.HasIndex(i => i.CreatedAt);
    }

    public void Configure(EntityTypeBuilder<IncidentTimelineRecord> builder)
    {
        builder.ToTable("IncidentTimeline");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(t => t.Actor).HasMaxLength(StoreLimits.NameLength);
        builder.Property(t => t.Kind).HasMaxLength(StoreLimits.EnumLength);
        builder.HasOne<IncidentRecord>().WithMany().HasForeignKey(t => t.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.IncidentId, t.At });
        builder.Property(t => t.SourceId).HasMaxLength(SourceIdLength);
        builder.HasIndex(t => t.SourceId).IsUnique();
        builder.Property(t => t.MessageKey).HasMaxLength(StoreLimits.NameLength);
    }

    // An outbox message id or "delivery/" + a notification dedup key.
    internal const int SourceIdLength = 1100;

    public void Configure(EntityTypeBuilder<IncidentAttachmentRecord> builder)
    {
        builder.ToTable("IncidentAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.FileName).HasMaxLength(StoreLimits.NameLength);
        builder.Property(a => a.ContentType).HasMaxLength(StoreLimits.NameLength);
        builder.HasOne<IncidentRecord>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.IncidentId);
    }

    public void Configure(EntityTypeBuilder<IncidentParticipantRecord> builder)
    {
        builder.ToTable("IncidentParticipants");
        builder.HasKey(p => new { p.IncidentId, p.Who, p.Role });
        builder.Property(p => p.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(p => p.Who).HasMaxLength(StoreLimits.IdLength);
        builder.Property(p => p.Role).HasMaxLength(StoreLimits.EnumLength);
        builder.HasOne<IncidentRecord>().WithMany().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.Who);
    }

    public void Configure(EntityTypeBuilder<IncidentApprovalRecord> builder)
    {
        builder.ToTable("IncidentApprovals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.Kind).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(a => a.State).HasMaxLength(StoreLimits.EnumLength);
        builder.Property(a => a.RequestedBy).HasMaxLength(StoreLimits.IdLength);
        builder.Property(a => a.DecidedBy).HasMaxLength(StoreLimits.IdLength);
        builder.HasOne<IncidentRecord>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.IncidentId);
    }
}

internal static class IncidentModel
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        var configuration = new IncidentRecordConfiguration();
        modelBuilder.ApplyConfiguration<IncidentRecord>(configuration);
        modelBuilder.ApplyConfiguration<IncidentTimelineRecord>(configuration);
        modelBuilder.ApplyConfiguration<IncidentAttachmentRecord>(configuration);
        modelBuilder.ApplyConfiguration<IncidentParticipantRecord>(configuration);
        modelBuilder.ApplyConfiguration<IncidentApprovalRecord>(configuration);
    }
}
