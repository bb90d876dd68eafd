using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Persistence.Team;

namespace EmergencyWorkflows.Api.Team;

/// <summary>A member; <c>active</c> false while deactivated (with who, when and why), the last reactivation beside it.</summary>
internal sealed record MemberView(
    string Id, string DisplayName, string Department, IReadOnlyList<string> Roles, string? Phone, string? Email,
    IReadOnlyDictionary<string, string> ImAccounts, int Position, bool Active = true,
    DateTimeOffset? DeactivatedAt = null, string? DeactivatedBy = null, string? DeactivationReason = null,
    DateTimeOffset? ReactivatedAt = null, string? ReactivatedBy = null)
{
    public static MemberView From(TeamMemberRecord r) => new(
        r.Id, r.DisplayName, r.Department, r.Roles.Select(x => x.Role).Order(StringComparer.Ordinal).ToList(), r.Phone, r.Email,
        r.ImAccounts.OrderBy(a => a.Platform, StringComparer.Ordinal).ToDictionary(a => a.Platform, a => a.Account), r.Position,
        r.Active, r.DeactivatedAt, r.DeactivatedBy, r.DeactivationReason, r.ReactivatedAt, r.ReactivatedBy);
}

internal sealed record PeriodView(string Id, string MemberId, DateTimeOffset From, DateTimeOffset Until, DateTimeOffset CreatedAt);

/// <summary>A rotation; <c>inactiveMemberIds</c> are its deactivated members (in the turn order or a swap), who are skipped.</summary>
internal sealed record RotationView(
    string Id, string Name, IReadOnlyList<string> MemberIds, DateTimeOffset HandoffAnchor, TimeSpan Period,
    IReadOnlyList<PeriodView> Overrides, IReadOnlyList<PeriodView> Leaves, string? OnCallNow, IReadOnlyList<string> InactiveMemberIds)
{
    public static RotationView From(RotationRecord r, DateTimeOffset now, IReadOnlySet<string> inactive)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(inactive);
        var named = r.Members.Select(m => m.MemberId).Concat(r.Overrides.Select(o => o.MemberId));
        return new(
            r.Id, r.Name, r.Members.OrderBy(m => m.Position).Select(m => m.MemberId).ToList(), r.HandoffAnchor, r.Period,
            r.Overrides.OrderBy(o => o.From).Select(o => new PeriodView(o.Id, o.MemberId, o.From, o.Until, o.CreatedAt)).ToList(),
            r.Leaves.OrderBy(l => l.From).Select(l => new PeriodView(l.Id, l.MemberId, l.From, l.Until, l.CreatedAt)).ToList(),
            OnCallResolver.WhoIsOnCall(TeamMapping.ToDomain(r, inactive), now),
            named.Where(inactive.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }
}

internal sealed record OnCallView(string RotationId, string RotationName, DateTimeOffset At, string? MemberId, string? DisplayName);

internal sealed record TargetView(string Kind, string? Id);

internal sealed record TierView(TimeSpan Delay, int RepeatCount, TimeSpan RepeatInterval, IReadOnlyList<TargetView> Targets);

internal sealed record PolicyView(string Id, string Name, int Version, DateTimeOffset UpdatedAt, IReadOnlyList<TierView> Tiers)
{
    public static PolicyView From(EscalationPolicyRecord r) => new(
        r.Id, r.Name, r.Version, r.UpdatedAt,
        r.Tiers.OrderBy(t => t.Position).Select(t => new TierView(
            t.Delay, t.RepeatCount, t.RepeatInterval,
            t.Targets.OrderBy(g => g.Position).Select(g => new TargetView(g.Kind, g.Ref)).ToList())).ToList());
}
