namespace EmergencyWorkflows.Persistence.Team;

/// <summary>An editable escalation policy; <see cref="Version"/> grows with every edit (incidents keep a snapshot).</summary>
public sealed class EscalationPolicyRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<EscalationTierRecord> Tiers { get; set; } = [];
}

public sealed class EscalationTierRecord
{
    public required string PolicyId { get; set; }

    /// <summary>0-based tier order.</summary>
    public int Position { get; set; }

    public TimeSpan Delay { get; set; }
    public int RepeatCount { get; set; }
    public TimeSpan RepeatInterval { get; set; }
    public List<EscalationTargetRecord> Targets { get; set; } = [];
}

public sealed class EscalationTargetRecord
{
    public required string PolicyId { get; set; }
    public int TierPosition { get; set; }
    public int Position { get; set; }

    /// <summary>person, role, rotation or whole-team (see <see cref="TeamMapping"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The member id, role name or rotation id; null for the whole team.</summary>
    public string? Ref { get; set; }
}

/// <summary>Marks that the directory was seeded from configuration, so it is seeded once, never again after HR edits.</summary>
public sealed class EmergencySeedRecord
{
    public required string Id { get; set; }
    public DateTimeOffset SeededAt { get; set; }
}
