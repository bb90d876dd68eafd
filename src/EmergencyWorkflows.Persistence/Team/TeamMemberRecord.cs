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
