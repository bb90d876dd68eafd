namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>An editable escalation policy: ordered tiers. Incidents never use it directly: they use the
/// <see cref="PolicySnapshot"/> taken when they start, so later edits never change an escalation in flight.</summary>
public sealed record EscalationPolicy
{
    public EscalationPolicy(string id, string name, int version, IEnumerable<EscalationTier> tiers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(tiers);
        Id = id;
        Name = name ?? id;
        Version = version;
        Tiers = tiers.ToArray();
    }

    public string Id { get; }

    public string Name { get; }

    public int Version { get; }

    public IReadOnlyList<EscalationTier> Tiers { get; }

    /// <summary>Every problem with this policy, in tier order; empty when it can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Version < 1)
        {
            problems.Add($"Policy '{Id}' has version {Version}; versions start at 1.");
        }

        if (Tiers.Count == 0)
        {
            problems.Add($"Policy '{Id}' has no tiers.");
        }

        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            var n = i + 1;
            if (tier.Delay < TimeSpan.Zero)
            {
                problems.Add($"Tier {n} has a negative delay ({tier.Delay}).");
            }

            if (tier.Targets.Count == 0)
            {
                problems.Add($"Tier {n} has no targets.");
            }

            if (tier.RepeatCount < 0)
            {
                problems.Add($"Tier {n} has a negative repeat count ({tier.RepeatCount}).");
            }

            if (tier.RepeatCount > 0 && tier.RepeatInterval <= TimeSpan.Zero)
            {
                problems.Add($"Tier {n} repeats {tier.RepeatCount} time(s) but its repeat interval is not positive.");
            }

            foreach (var target in tier.Targets)
            {
                var blank = target switch
                {
                    PersonTarget p => string.IsNullOrWhiteSpace(p.MemberId),
                    RoleTarget r => string.IsNullOrWhiteSpace(r.Name),
                    RotationTarget r => string.IsNullOrWhiteSpace(r.RotationId),
                    _ => false,
                };
                if (blank)
                {
                    problems.Add($"Tier {n} has a {target.GetType().Name} without an id.");
                }
            }
        }

        return problems;
    }
}
