using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Liaison;

/// <summary>
/// The emergency directory read once from configuration (<c>Emergency:Team</c>, <c>Emergency:Rotations</c>,
/// <c>Emergency:Policies</c>): the host's default until a database-backed directory replaces it. Every problem in the
/// configuration is reported at start-up, all at once, rather than when the first incident escalates.
/// </summary>
public sealed class ConfiguredEmergencyDirectory : IEmergencyDirectory
{
    private readonly Dictionary<string, EscalationPolicy> byId;

    public ConfiguredEmergencyDirectory(EmergencyDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Roster = new Roster(options.Team.Select(ToMember));
        Rotations = options.Rotations.Select(r => new Rotation(r.Id, r.Name ?? r.Id, r.MemberIds, r.HandoffAnchor, r.Period)).ToArray();
        Policies = options.Policies.Select(p => ToPolicy(p, problems)).ToArray();
        foreach (var policy in Policies)
        {
            problems.AddRange(policy.Validate());
        }

        // Configuration layers merge arrays by index, so an override of a policy sits at a later index with the same
        // id: the later entry wins (the database-backed directory's seed follows the same rule).
        byId = new Dictionary<string, EscalationPolicy>(StringComparer.Ordinal);
        foreach (var policy in Policies)
        {
            byId[policy.Id] = policy;
        }

        Policies = Policies.Where(p => ReferenceEquals(byId[p.Id], p)).ToArray();

        if (problems.Count > 0)
        {
            throw new ArgumentException("The Emergency configuration is invalid: " + string.Join(" ", problems), nameof(options));
        }
    }

    public Roster Roster { get; }

    public IReadOnlyList<Rotation> Rotations { get; }

    public IReadOnlyList<EscalationPolicy> Policies { get; }

    public EscalationPolicy? FindPolicy(string policyId) => byId.GetValueOrDefault(policyId);

    /// <summary>Parses <c>person:id</c>, <c>role:name</c>, <c>rotation:id</c> or <c>whole-team</c>; null when it is none of them.</summary>
    public static EscalationTarget? ParseTarget(string? text)
    {
        var value = text?.Trim() ?? string.Empty;
        if (string.Equals(value, "whole-team", StringComparison.OrdinalIgnoreCase))
        {
            return EscalationTarget.WholeTeam;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            return null;
        }

        var id = value[(colon + 1)..].Trim();
        return value[..colon].Trim().ToUpperInvariant() switch
        {
            "PERSON" => EscalationTarget.Person(id),
            "ROLE" => EscalationTarget.Role(id),
            "ROTATION" => EscalationTarget.Rotation(id),
            _ => null,
        };
    }

    private static TeamMember ToMember(TeamMemberOptions m) =>
        new(m.Id, string.IsNullOrWhiteSpace(m.DisplayName) ? m.Id : m.DisplayName, m.Department, m.Roles,
            new ContactChannels(m.Phone, m.Email, m.ImAccounts));

    private static EscalationPolicy ToPolicy(EscalationPolicyOptions p, List<string> problems)
    {
        var tiers = new List<EscalationTier>();
        foreach (var (tier, n) in p.Tiers.Select((t, i) => (t, i + 1)))
        {
            var targets = new List<EscalationTarget>();
            foreach (var text in tier.Targets)
            {
                if (ParseTarget(text) is { } target)
                {
                    targets.Add(target);
                }
                else
                {
                    problems.Add($"Policy '{p.Id}' tier {n}: target '{text}' is not person:<id>, role:<name>, rotation:<id> or whole-team.");
                }
            }

            tiers.Add(new EscalationTier(tier.Delay, targets, tier.RepeatCount, tier.RepeatInterval));
        }

        return new EscalationPolicy(p.Id, p.Name ?? p.Id, p.Version, tiers);
    }
}
