using EmergencyWorkflows.Persistence.Bookmarks;
using EmergencyWorkflows.Persistence.Definitions;
using EmergencyWorkflows.Persistence.Feedback;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Persistence.Instances;
using EmergencyWorkflows.Persistence.Notifications;
using EmergencyWorkflows.Persistence.Outbox;
using EmergencyWorkflows.Persistence.Team;
using EmergencyWorkflows.Persistence.Timers;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence;

/// <summary>
/// The one EF Core model, free of provider specifics. Each provider has a thin subclass (value conversions its
/// database needs) with its own migrations folder.
/// </summary>
public abstract class WorkflowsDbContext : DbContext
{
    protected WorkflowsDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<TimerRecord> Timers => Set<TimerRecord>();
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<IncidentTimelineRecord> IncidentTimeline => Set<IncidentTimelineRecord>();
    public DbSet<IncidentAttachmentRecord> IncidentAttachments => Set<IncidentAttachmentRecord>();
    public DbSet<IncidentParticipantRecord> IncidentParticipants => Set<IncidentParticipantRecord>();
    public DbSet<IncidentApprovalRecord> IncidentApprovals => Set<IncidentApprovalRecord>();
    public DbSet<AnnouncementRecord> Announcements => Set<AnnouncementRecord>();
    public DbSet<ReviewRecord> IncidentReviews => Set<ReviewRecord>();
    public DbSet<ImprovementActionRecord> ImprovementActions => Set<ImprovementActionRecord>();
    public DbSet<EmployeeFeedbackRecord> EmployeeFeedback => Set<EmployeeFeedbackRecord>();
    public DbSet<SuggestionRecord> Suggestions => Set<SuggestionRecord>();

    public DbSet<TeamMemberRecord> TeamMembers => Set<TeamMemberRecord>();
    public DbSet<RotationRecord> Rotations => Set<RotationRecord>();
    public DbSet<EscalationPolicyRecord> EscalationPolicies => Set<EscalationPolicyRecord>();
    public DbSet<NotificationDeliveryRecord> NotificationDeliveries => Set<NotificationDeliveryRecord>();
    public DbSet<InboxItemRecord> InboxItems => Set<InboxItemRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new WorkflowInstanceRecordConfiguration());
        modelBuilder.ApplyConfiguration(new BookmarkRecordConfiguration());
        modelBuilder.ApplyConfiguration(new TimerRecordConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DefinitionRecordConfiguration());
        IncidentModel.Apply(modelBuilder);
        ReleaseRecordConfiguration.Apply(modelBuilder);
        FeedbackRecordConfiguration.Apply(modelBuilder);
        TeamModel.Configure(modelBuilder);
        NotificationsModel.Configure(modelBuilder);
    }
}
