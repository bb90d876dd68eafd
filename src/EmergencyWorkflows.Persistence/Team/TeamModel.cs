using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Team;

/// <summary>The team feature's part of the model: members, rotations, escalation policies, the seed marker.</summary>
internal static class TeamModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TeamMemberRecordConfiguration());
        modelBuilder.ApplyConfiguration(new TeamMemberRoleRecordConfiguration());
        modelBuilder.ApplyConfiguration(new TeamMemberImAccountRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RotationRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RotationMemberRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RotationOverrideRecordConfiguration());
        modelBuilder.ApplyConfiguration(new RotationLeaveRecordConfiguration());
        modelBuilder.ApplyConfiguration(new EscalationPolicyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new EscalationTierRecordConfiguration());
        modelBuilder.ApplyConfiguration(new EscalationTargetRecordConfiguration());
        modelBuilder.ApplyConfiguration(new EmergencySeedRecordConfiguration());
    }
}
