using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Api.Team;

/// <summary>
/// The team, rotations and policies configured under <c>Emergency:Team</c>, <c>Emergency:Rotations</c> and
/// <c>Emergency:Policies</c>, validated with the API's rules. A broken entry stops the service with every problem listed.
/// Configuration layers merge arrays by index, so an id listed twice is not an error: the later entry wins. A policy
/// target naming a member or rotation that does not exist is kept (it resolves to nobody) and reported as a warning.
/// Policy targets are written <c>"person:&lt;id&gt;"</c>, <c>"role:&lt;role&gt;"</c>, <c>"rotation:&lt;id&gt;"</c>,
/// <c>"whole-team"</c>, or as objects with Kind and Id.
/// </summary>
internal sealed record TeamSeed(
    IReadOnlyList<TeamMember> Members, IReadOnlyList<Rotation> Rotations, IReadOnlyList<EscalationPolicy> Policies, IReadOnlyList<string> Warnings)
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    public static TeamSeed FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Emergency");
        var problems = new List<string>();
        var warnings = new List<string>();

        var members = LastWins(
            Entries(section.GetSection("Team"), (s, local) => TeamValidation.ToMember(s.Get<MemberBody>(), null, local), "Emergency:Team", problems),
            m => m.Id, "Emergency:Team", warnings);

        var memberIds = members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var rotations = LastWins(
            Entries(section.GetSection("Rotations"), (s, local) =>
            {
                var body = s.Get<RotationBody>() ?? new RotationBody();
                body.Period ??= DefaultPeriod;
                return TeamValidation.ToRotation(body, null, memberIds, local);
            }, "Emergency:Rotations", problems),
            r => r.Id, "Emergency:Rotations", warnings);

        var rotationIds = rotations.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var policies = LastWins(
            Entries(section.GetSection("Policies"), (s, local) =>
                TeamValidation.ToPolicy(ReadPolicy(s), null, 1, memberIds, rotationIds, local, warnings), "Emergency:Policies", problems),
            p => p.Id, "Emergency:Policies", warnings);

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The emergency team configuration is not valid: " + string.Join(" ", problems));
        }

        return new TeamSeed(members, rotations, policies, warnings);
    }

    private static List<T> Entries<T>(IConfigurationSection array, Func<IConfigurationSection, List<string>, T?> read, string where, List<string> problems)
        where T : class
    {
        var result = new List<T>();
        foreach (var entry in array.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            var local = new List<string>();
            if (read(entry, local) is { } value && local.Count == 0)
            {
                result.Add(value);
            }

            problems.AddRange(local.Select(p => $"{where}:{entry.Key}: {p}"));
        }

        return result;
    }

    private static List<T> LastWins<T>(List<T> items, Func<T, string> id, string where, List<string> warnings)
    {
        foreach (var twice in items.GroupBy(id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            warnings.Add($"{where} lists id '{twice.Key}' {twice.Count()} times; the last entry is used.");
        }

        var last = items.Select((item, index) => (item, index)).GroupBy(x => id(x.item), StringComparer.Ordinal).Select(g => g.Last()).ToList();
        return last.OrderBy(x => x.index).Select(x => x.item).ToList();
    }

    // Bound by hand: a target may be a plain string ("role:responder") or an object (Kind, Id), which the binder cannot mix.
    private static PolicyBody ReadPolicy(IConfigurationSection section) => new()
    {
        Id = section["Id"],
        Name = section["Name"],
        Tiers = section.GetSection("Tiers").GetChildren().Select(tier => new TierBody
        {
            Delay = tier.GetValue<TimeSpan?>("Delay") ?? TimeSpan.Zero,
            RepeatCount = tier.GetValue<int?>("RepeatCount"),
            RepeatInterval = tier.GetValue<TimeSpan?>("RepeatInterval"),
            Targets = tier.GetSection("Targets").GetChildren()
                .Select(t => t.Value is { } text ? TargetBody.Parse(text) : new TargetBody { Kind = t["Kind"], Id = t["Id"] })
                .ToList(),
        }).ToList(),
    };
}
