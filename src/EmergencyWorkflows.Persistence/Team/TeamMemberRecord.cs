namespace EmergencyWorkflows.Persistence.Team;

/// <summary>A member of the emergency team. DisplayName, Phone, Email and the IM accounts are personal data.</summary>
public sealed class TeamMemberRecord
{
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public string Department { get; set; } = string.Empty;
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Roster order (roles resolve in this order); new members go last.</summary>
    public int Position { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set while the member is deactivated (left, long leave): history keeps them, paging and rotations skip them.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Who deactivated the member (a user name), and why; kept after reactivation as the last deactivation.</summary>
    public string? DeactivatedBy { get; set; }

    public string? DeactivationReason { get; set; }

    /// <summary>The last reactivation: when and by whom.</summary>
    public DateTimeOffset? ReactivatedAt { get; set; }

    public string? ReactivatedBy { get; set; }

    public bool Active => DeactivatedAt is null;

    public List<TeamMemberRoleRecord> Roles { get; set; } = [];
    public List<TeamMemberImAccountRecord> ImAccounts { get; set; } = [];
}

public sealed class TeamMemberRoleRecord
{
    public required string MemberId { get; set; }
    public required string Role { get; set; }
}

public sealed class TeamMemberImAccountRecord
{
    public required string MemberId { get; set; }

    /// <summary>An <see cref="EmergencyWorkflows.Emergency.Team.ImPlatform"/> name.</summary>
    public required string Platform { get; set; }

    public required string Account { get; set; }
}
