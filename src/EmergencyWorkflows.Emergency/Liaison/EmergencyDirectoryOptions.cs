using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Liaison;

/// <summary>
/// The <c>Emergency</c> section's team, rotations and policies, as configuration binds them. Policy targets are
/// strings: <c>person:&lt;memberId&gt;</c>, <c>role:&lt;role&gt;</c>, <c>rotation:&lt;rotationId&gt;</c> or <c>whole-team</c>.
/// </summary>
public sealed class EmergencyDirectoryOptions
{
    public const string Section = "Emergency";

    public List<TeamMemberOptions> Team { get; init; } = [];

    public List<RotationOptions> Rotations { get; init; } = [];

    public List<EscalationPolicyOptions> Policies { get; init; } = [];
}

public sealed class TeamMemberOptions
{
    public string Id { get; init; } = string.Empty;
    public string DisplayName { get; init; } = string.Empty;
    public string Department { get; init; } = string.Empty;
    public List<string> Roles { get; init; } = [];
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public Dictionary<ImPlatform, string> ImAccounts { get; init; } = [];
}

public sealed class RotationOptions
{
    public string Id { get; init; } = string.Empty;
    public string? Name { get; init; }
    public List<string> MemberIds { get; init; } = [];
    public DateTimeOffset HandoffAnchor { get; init; }
    public TimeSpan Period { get; init; } = TimeSpan.FromDays(7);
}

public sealed class EscalationPolicyOptions
{
    public string Id { get; init; } = string.Empty;
    public string? Name { get; init; }
    public int Version { get; init; } = 1;
    public List<EscalationTierOptions> Tiers { get; init; } = [];
}

public sealed class EscalationTierOptions
{
    public TimeSpan Delay { get; init; }
    public List<string> Targets { get; init; } = [];
    public int RepeatCount { get; init; }
    public TimeSpan RepeatInterval { get; init; }
}
