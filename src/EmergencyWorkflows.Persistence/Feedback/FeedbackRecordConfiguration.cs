using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EmergencyWorkflows.Persistence.Feedback;

/// <summary>Employee feedback on incidents and suggestions about the plan.</summary>
internal sealed class FeedbackRecordConfiguration :
    IEntityTypeConfiguration<EmployeeFeedbackRecord>,
    IEntityTypeConfiguration<SuggestionRecord>
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        var configuration = new FeedbackRecordConfiguration();
        modelBuilder.ApplyConfiguration<EmployeeFeedbackRecord>(configuration);
        modelBuilder.ApplyConfiguration<SuggestionRecord>(configuration);
    }

    public void Configure(EntityTypeBuilder<EmployeeFeedbackRecord> builder)
    {
        builder.ToTable("EmployeeFeedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(f => f.IncidentId).HasMaxLength(StoreLimits.IdLength);
        builder.Property(f => f.GivenBy).HasMaxLength(StoreLimits.IdLength);
        builder.HasOne<IncidentRecord>().WithMany().HasForeignKey(f => f.IncidentId).OnDelete(DeleteBehavior.Cascade);

        // Once per incident and person: a second submission updates this row.
        builder.HasIndex(f => new { f.IncidentId, f.GivenBy }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SuggestionRecord> builder)
    {
        builder.ToTable("PlanSuggestions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(StoreLimits.IdLength);
        builder.Property(s => s.SubmittedBy).HasMaxLength(StoreLimits.IdLength);
        builder.Property(s => s.Topic).HasMaxLength(StoreLimits.EnumLength);
        builder.HasIndex(s => s.SubmittedAt);
        builder.HasIndex(s => s.SubmittedBy);
    }
}
