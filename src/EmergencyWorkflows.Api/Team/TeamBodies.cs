namespace EmergencyWorkflows.Api.Team;

// The shapes HR edits through the API and writes in appsettings.json (Emergency:Team, Emergency:Rotations,
// Emergency:Policies): one shape for both, so the seed and an API edit are validated by the same rules.

/// <summary>A team member. Roles: team-lead, department-head, responder, admin. ImAccounts: platform (WeCom, DingTalk,
/// Feishu, Slack) → account id on it.</summary>
internal sealed class MemberBody
{
    public string? Id { get; set; }
    public string? DisplayName { get; set; }
    public string? Department { get; set; }
    public List<string>? Roles { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public Dictionary<string, string>? ImAccounts { get; set; }
}

/// <summary>An on-call rotation: members take turns of <see cref="Period"/> from <see cref="HandoffAnchor"/>.</summary>
internal sealed class RotationBody
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string>? MemberIds { get; set; }
    public DateTimeOffset? HandoffAnchor { get; set; }
    public TimeSpan? Period { get; set; }
}

/// <summary>A swap (override: <see cref="MemberId"/> is on call instead) or a leave (<see cref="MemberId"/> is away) in [From, Until).</summary>
internal sealed class PeriodBody
{
    public string? MemberId { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? Until { get; set; }
}

/// <summary>An escalation policy: ordered tiers.</summary>
internal sealed class PolicyBody
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<TierBody>? Tiers { get; set; }
}

/// <summary>Delay runs from the previous tier's last round (tier 1: from the SLA deadline); the tier is sent
/// 1 + RepeatCount times, RepeatInterval apart.</summary>
internal sealed class TierBody
{
    public TimeSpan? Delay { get; set; }
    public List<TargetBody>? Targets { get; set; }
    public int? RepeatCount { get; set; }
    public TimeSpan? RepeatInterval { get; set; }
}

/// <summary>Kind: person (Id = member id), role (Id = role), rotation (Id = rotation id) or whole-team (no Id).</summary>
internal sealed class TargetBody
{
    public string? Kind { get; set; }
    public string? Id { get; set; }
}
