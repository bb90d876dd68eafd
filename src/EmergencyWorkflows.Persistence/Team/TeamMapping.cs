using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Persistence.Team;

/// <summary>The one place team, rotation and policy records are mapped to and from the domain.</summary>
public static class TeamMapping
{
    public const string PersonKind = "person";
    public const string RoleKind = "role";
    public const string RotationKind = "rotation";
    public const string WholeTeamKind = "whole-team";

    public static IReadOnlyList<string> TargetKinds { get; } = [PersonKind, RoleKind, RotationKind, WholeTeamKind];

    public static TeamMember ToDomain(TeamMemberRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var accounts = new Dictionary<ImPlatform, string>();
        foreach (var account in record.ImAccounts)
        {
            // A platform this build no longer knows is skipped rather than failing the whole roster.
            if (Enum.TryParse<ImPlatform>(account.Platform, out var platform))
            {
                accounts[platform] = account.Account;
            }
        }

        return new TeamMember(
            record.Id,
            record.DisplayName,
            record.Department,
            record.Roles.Select(r => r.Role).Order(StringComparer.Ordinal),
            new ContactChannels(record.Phone, record.Email, accounts))
        { Active = record.Active };
    }

    public static TeamMemberRecord ToRecord(TeamMember member, int position, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new TeamMemberRecord
        {
            Id = member.Id,
            DisplayName = member.DisplayName,
            Department = member.Department,
            Phone = member.Contacts.Phone,
            Email = member.Contacts.Email,
            Position = position,
            CreatedAt = now,
            UpdatedAt = now,
            Roles = member.Roles.Select(r => new TeamMemberRoleRecord { MemberId = member.Id, Role = r }).ToList(),
            ImAccounts = member.Contacts.ImAccounts
                .Select(a => new TeamMemberImAccountRecord { MemberId = member.Id, Platform = a.Key.ToString(), Account = a.Value })
                .ToList(),
        };
    }

    /// <summary>The rotation as the resolver needs it: <paramref name="inactiveMemberIds"/> (deactivated members) are
    /// skipped, in turn and in swaps.</summary>
    public static Rotation ToDomain(RotationRecord record, IEnumerable<string> inactiveMemberIds)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new Rotation(
            record.Id,
            record.Name,
            record.Members.OrderBy(m => m.Position).Select(m => m.MemberId),
            record.HandoffAnchor,
            record.Period,
            record.Overrides.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id, StringComparer.Ordinal)
                .Select(o => new OnCallOverride(o.MemberId, o.From, o.Until, o.CreatedAt)),
            record.Leaves.OrderBy(l => l.From).Select(l => new OnCallLeave(l.MemberId, l.From, l.Until)),
            inactiveMemberIds);
    }

    /// <summary>The rotation's own fields and turn order; overrides and leave are kept apart (they have ids of their own).</summary>
    public static RotationRecord ToRecord(Rotation rotation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        return new RotationRecord
        {
            Id = rotation.Id,
            Name = rotation.Name,
            HandoffAnchor = rotation.HandoffAnchor,
            Period = rotation.Period,
            UpdatedAt = now,
            Members = MembersOf(rotation.Id, rotation.MemberIds),
            Overrides = rotation.Overrides.Select(o => new RotationOverrideRecord
            {
                Id = NewId(),
                RotationId = rotation.Id,
                MemberId = o.MemberId,
                From = o.From,
                Until = o.Until,
                CreatedAt = o.CreatedAt,
            }).ToList(),
            Leaves = rotation.Leaves.Select(l => new RotationLeaveRecord
            {
                Id = NewId(),
                RotationId = rotation.Id,
                MemberId = l.MemberId,
                From = l.From,
                Until = l.Until,
                CreatedAt = now,
            }).ToList(),
        };
    }

    public static List<RotationMemberRecord> MembersOf(string rotationId, IEnumerable<string> memberIds) =>
        memberIds.Select((id, i) => new RotationMemberRecord { RotationId = rotationId, Position = i, MemberId = id }).ToList();

    public static EscalationPolicy ToDomain(EscalationPolicyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new EscalationPolicy(
            record.Id,
            record.Name,
            record.Version,
            record.Tiers.OrderBy(t => t.Position).Select(t => new EscalationTier(
                t.Delay,
                t.Targets.OrderBy(g => g.Position).Select(g => ToTarget(g.Kind, g.Ref)),
                t.RepeatCount,
                t.RepeatInterval)));
    }

    public static EscalationPolicyRecord ToRecord(EscalationPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new EscalationPolicyRecord
        {
            Id = policy.Id,
            Name = policy.Name,
            Version = policy.Version,
            UpdatedAt = now,
            Tiers = TiersOf(policy.Id, policy.Tiers),
        };
    }

    public static List<EscalationTierRecord> TiersOf(string policyId, IEnumerable<EscalationTier> tiers) =>
        tiers.Select((t, i) => new EscalationTierRecord
        {
            PolicyId = policyId,
            Position = i,
            Delay = t.Delay,
            RepeatCount = t.RepeatCount,
            RepeatInterval = t.RepeatInterval,
            Targets = t.Targets.Select((g, j) =>
            {
                var (kind, reference) = FromTarget(g);
                return new EscalationTargetRecord { PolicyId = policyId, TierPosition = i, Position = j, Kind = kind, Ref = reference };
            }).ToList(),
        }).ToList();

    public static EscalationTarget ToTarget(string kind, string? reference) => kind switch
    {
        PersonKind => EscalationTarget.Person(reference ?? string.Empty),
        RoleKind => EscalationTarget.Role(reference ?? string.Empty),
        RotationKind => EscalationTarget.Rotation(reference ?? string.Empty),
        WholeTeamKind => EscalationTarget.WholeTeam,
        _ => throw new FormatException($"Unknown escalation target kind '{kind}'; known kinds are {string.Join(", ", TargetKinds)}."),
    };

    public static (string Kind, string? Ref) FromTarget(EscalationTarget target) => target switch
    {
        PersonTarget p => (PersonKind, p.MemberId),
        RoleTarget r => (RoleKind, r.Name),
        RotationTarget r => (RotationKind, r.RotationId),
        WholeTeamTarget => (WholeTeamKind, null),
        _ => throw new NotSupportedException($"Unknown escalation target {target?.GetType().Name}."),
    };

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
