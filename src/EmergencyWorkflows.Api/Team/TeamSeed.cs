using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Api.Team;

/// <summary>The team, rotations and policies configured under <c>Emergency:Team</c>, <c>Emergency:Rotations</c> and
/// <c>Emergency:Policies</c>, validated with the API's rules. A broken seed stops the service with every problem listed.</summary>
internal sealed record TeamSeed(IReadOnlyList<TeamMember> Members, IReadOnlyList<Rotation> Rotations, IReadOnlyList<EscalationPolicy> Policies)
{
    public static TeamSeed FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Emergency");
        var problems = new List<string>();

        var members = new List<TeamMember>();
        foreach (var (body, i) in (section.GetSection("Team").Get<List<MemberBody>>() ?? []).Select((b, i) => (b, i)))
        {
            var local = new List<string>();
            if (TeamValidation.ToMember(body, null, local) is { } member)
            {
                members.Add(member);
            }

            problems.AddRange(local.Select(p => $"Emergency:Team:{i}: {p}"));
        }

        var memberIds = members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var rotations = new List<Rotation>();
        foreach (var (body, i) in (section.GetSection("Rotations").Get<List<RotationBody>>() ?? []).Select((b, i) => (b, i)))
        {
            var local = new List<string>();
            if (TeamValidation.ToRotation(body, null, memberIds, local) is { } rotation)
            {
                rotations.Add(rotation);
            }

            problems.AddRange(local.Select(p => $"Emergency:Rotations:{i}: {p}"));
        }

        var rotationIds = rotations.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var policies = new List<EscalationPolicy>();
        foreach (var (body, i) in (section.GetSection("Policies").Get<List<PolicyBody>>() ?? []).Select((b, i) => (b, i)))
        {
            var local = new List<string>();
            if (TeamValidation.ToPolicy(body, null, 1, memberIds, rotationIds, local) is { } policy)
            {
                policies.Add(policy);
            }

            problems.AddRange(local.Select(p => $"Emergency:Policies:{i}: {p}"));
        }

        Duplicates(members.Select(m => m.Id), "Emergency:Team", problems);
        Duplicates(rotations.Select(r => r.Id), "Emergency:Rotations", problems);
        Duplicates(policies.Select(p => p.Id), "Emergency:Policies", problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The emergency team configuration is not valid: " + string.Join(" ", problems));
        }

        return new TeamSeed(members, rotations, policies);
    }

    private static void Duplicates(IEnumerable<string> ids, string where, List<string> problems) =>
        problems.AddRange(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{where} lists id '{g.Key}' twice."));
}
