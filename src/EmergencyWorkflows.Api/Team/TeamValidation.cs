using System.Text.RegularExpressions;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Persistence.Team;

namespace EmergencyWorkflows.Api.Team;

/// <summary>Turns request bodies (or seed configuration) into domain values, collecting every problem with a clear
/// message instead of stopping at the first one.</summary>
internal static partial class TeamValidation
{
    public static TeamMember? ToMember(MemberBody? body, string? routeId, List<string> problems)
    {
        if (body is null)
        {
            problems.Add("A team member body is required.");
            return null;
        }

        var id = CheckId(body.Id, routeId, "member", problems);
        if (string.IsNullOrWhiteSpace(body.DisplayName))
        {
            problems.Add("displayName is required.");
        }

        var roles = (body.Roles ?? []).Select(r => r?.Trim() ?? string.Empty).ToList();
        if (roles.Count == 0)
        {
            problems.Add($"roles must name at least one of {string.Join(", ", TeamRoles.All)}.");
        }

        foreach (var role in roles.Where(r => !TeamRoles.All.Contains(r, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add($"Role '{role}' is unknown; roles are {string.Join(", ", TeamRoles.All)}.");
        }

        if (!string.IsNullOrWhiteSpace(body.Email) && !EmailShape().IsMatch(body.Email.Trim()))
        {
            problems.Add("email is not an email address.");
        }

        if (!string.IsNullOrWhiteSpace(body.Phone) && !PhoneShape().IsMatch(body.Phone.Trim()))
        {
            problems.Add("phone must hold 5 to 20 digits (with an optional +, spaces or dashes).");
        }

        var accounts = new Dictionary<ImPlatform, string>();
        foreach (var (platformName, account) in body.ImAccounts ?? [])
        {
            if (!Enum.TryParse<ImPlatform>(platformName, ignoreCase: true, out var platform) || int.TryParse(platformName, out _))
            {
                problems.Add($"imAccounts names platform '{platformName}'; platforms are {string.Join(", ", Enum.GetNames<ImPlatform>())}.");
            }
            else if (string.IsNullOrWhiteSpace(account))
            {
                problems.Add($"imAccounts.{platformName} is empty.");
            }
            else
            {
                accounts[platform] = account.Trim();
            }
        }

        if (problems.Count > 0 || id is null)
        {
            return null;
        }

        var canonicalRoles = roles.Select(r => TeamRoles.All.First(k => string.Equals(k, r, StringComparison.OrdinalIgnoreCase)));
        return new TeamMember(id, body.DisplayName!.Trim(), body.Department?.Trim() ?? string.Empty, canonicalRoles,
            new ContactChannels(body.Phone, body.Email, accounts));
    }

    public static Rotation? ToRotation(RotationBody? body, string? routeId, IReadOnlySet<string> memberIds, List<string> problems)
    {
        if (body is null)
        {
            problems.Add("A rotation body is required.");
            return null;
        }

        var id = CheckId(body.Id, routeId, "rotation", problems);
        var members = body.MemberIds ?? [];
        if (members.Count == 0)
        {
            problems.Add("memberIds must list at least one team member.");
        }

        foreach (var unknown in members.Where(m => !memberIds.Contains(m ?? string.Empty)).Distinct())
        {
            problems.Add($"memberIds names '{unknown}', who is not a team member.");
        }

        foreach (var twice in members.GroupBy(m => m).Where(g => g.Count() > 1))
        {
            problems.Add($"memberIds lists '{twice.Key}' twice.");
        }

        if (body.HandoffAnchor is null)
        {
            problems.Add("handoffAnchor (the instant the first turn starts, e.g. 2026-01-05T01:00:00Z) is required.");
        }

        if (body.Period is not { } period || period <= TimeSpan.Zero)
        {
            problems.Add($"period must be positive (e.g. 7.00:00:00 for weekly), was {body.Period?.ToString() ?? "missing"}.");
        }

        if (problems.Count > 0 || id is null)
        {
            return null;
        }

        return new Rotation(id, string.IsNullOrWhiteSpace(body.Name) ? id : body.Name.Trim(), members, body.HandoffAnchor!.Value, body.Period!.Value);
    }

    public static (string MemberId, DateTimeOffset From, DateTimeOffset Until)? ToPeriod(
        PeriodBody? body, IReadOnlySet<string> allowedMembers, string allowedWhat, List<string> problems)
    {
        if (body is null)
        {
            problems.Add("A body with memberId, from and until is required.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(body.MemberId))
        {
            problems.Add("memberId is required.");
        }
        else if (!allowedMembers.Contains(body.MemberId))
        {
            problems.Add($"memberId '{body.MemberId}' is not {allowedWhat}.");
        }

        if (body.From is null || body.Until is null)
        {
            problems.Add("from and until are both required.");
        }
        else if (body.Until <= body.From)
        {
            problems.Add($"until ({body.Until:O}) must be after from ({body.From:O}).");
        }

        return problems.Count > 0 ? null : (body.MemberId!, body.From!.Value, body.Until!.Value);
    }

    /// <summary>With <paramref name="strictReferences"/> off (the configuration seed), a person or rotation that does not
    /// exist is kept (it resolves to nobody, and the tier escalates at once) and reported in <paramref name="warnings"/>.</summary>
    public static EscalationPolicy? ToPolicy(
        PolicyBody? body, string? routeId, int version, IReadOnlySet<string> memberIds, IReadOnlySet<string> rotationIds, List<string> problems,
        List<string>? warnings = null)
    {
        if (body is null)
        {
            problems.Add("A policy body is required.");
            return null;
        }

        var id = CheckId(body.Id, routeId, "policy", problems);
        var tiers = new List<EscalationTier>();
        var tierBodies = body.Tiers ?? [];
        if (tierBodies.Count == 0)
        {
            problems.Add("tiers must list at least one tier.");
        }

        for (var i = 0; i < tierBodies.Count; i++)
        {
            var tier = tierBodies[i];
            var n = i + 1;
            if (tier is null)
            {
                problems.Add($"Tier {n} is null.");
                continue;
            }

            var targets = new List<EscalationTarget>();
            var targetBodies = tier.Targets ?? [];
            for (var j = 0; j < targetBodies.Count; j++)
            {
                if (ToTarget(targetBodies[j], $"Tier {n} target {j + 1}", memberIds, rotationIds, problems, warnings) is { } target)
                {
                    targets.Add(target);
                }
            }

            if (tier.Delay is null)
            {
                problems.Add($"Tier {n} needs a delay (00:00:00 for at once).");
            }

            tiers.Add(new EscalationTier(tier.Delay ?? TimeSpan.Zero, targets, tier.RepeatCount ?? 0, tier.RepeatInterval));
        }

        if (id is null)
        {
            return null;
        }

        var policy = new EscalationPolicy(id, string.IsNullOrWhiteSpace(body.Name) ? id : body.Name.Trim(), version, tiers);
        problems.AddRange(policy.Validate().Where(p => !problems.Contains(p)));
        return problems.Count > 0 ? null : policy;
    }

    private static EscalationTarget? ToTarget(
        TargetBody? body, string where, IReadOnlySet<string> memberIds, IReadOnlySet<string> rotationIds, List<string> problems, List<string>? warnings)
    {
        var kind = body?.Kind?.Trim().ToLowerInvariant();
        var reference = body?.Id?.Trim();
        switch (kind)
        {
            case TeamMapping.WholeTeamKind:
                return EscalationTarget.WholeTeam;
            case TeamMapping.PersonKind when !string.IsNullOrEmpty(reference) && memberIds.Contains(reference):
                return EscalationTarget.Person(reference);
            case TeamMapping.PersonKind when warnings is not null && !string.IsNullOrEmpty(reference):
                warnings.Add($"{where} names member '{reference}', who is not a team member: nobody is notified there.");
                return EscalationTarget.Person(reference);
            case TeamMapping.PersonKind:
                problems.Add($"{where} names member '{reference}', who is not a team member.");
                return null;
            case TeamMapping.RoleKind when TeamRoles.All.Contains(reference ?? string.Empty, StringComparer.OrdinalIgnoreCase):
                return EscalationTarget.Role(TeamRoles.All.First(r => string.Equals(r, reference, StringComparison.OrdinalIgnoreCase)));
            case TeamMapping.RoleKind:
                problems.Add($"{where} names role '{reference}'; roles are {string.Join(", ", TeamRoles.All)}.");
                return null;
            case TeamMapping.RotationKind when !string.IsNullOrEmpty(reference) && rotationIds.Contains(reference):
                return EscalationTarget.Rotation(reference);
            case TeamMapping.RotationKind when warnings is not null && !string.IsNullOrEmpty(reference):
                warnings.Add($"{where} names rotation '{reference}', which does not exist: nobody is notified there.");
                return EscalationTarget.Rotation(reference);
            case TeamMapping.RotationKind:
                problems.Add($"{where} names rotation '{reference}', which does not exist.");
                return null;
            default:
                problems.Add($"{where} has kind '{body?.Kind}'; kinds are {string.Join(", ", TeamMapping.TargetKinds)}.");
                return null;
        }
    }

    private static string? CheckId(string? bodyId, string? routeId, string what, List<string> problems)
    {
        if (routeId is not null && !string.IsNullOrWhiteSpace(bodyId) && bodyId != routeId)
        {
            problems.Add($"The body's id '{bodyId}' differs from the {what} id '{routeId}' in the URL.");
            return null;
        }

        var id = routeId ?? bodyId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            problems.Add($"id is required: the {what}'s stable key (letters, digits, '.', '_' or '-').");
            return null;
        }

        if (!IdShape().IsMatch(id))
        {
            problems.Add($"id '{id}' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit.");
            return null;
        }

        return id;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdShape();

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[\d\s-]{5,24}$")]
    private static partial Regex PhoneShape();
}
