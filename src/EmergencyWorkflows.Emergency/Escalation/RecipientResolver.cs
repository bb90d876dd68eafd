using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>Turns tier targets into member ids at an instant: persons must be active on the roster, roles resolve in
/// roster order, a rotation yields whoever is on call then, the whole team is every member; deactivated members never. Duplicates are dropped,
/// keeping the first position.</summary>
public sealed class RecipientResolver
{
    private readonly Roster _roster;
    private readonly Dictionary<string, Rotation> _rotations;

    public RecipientResolver(Roster roster, IEnumerable<Rotation> rotations)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(rotations);
        _roster = roster;
        _rotations = rotations.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Resolve(IEnumerable<EscalationTarget> targets, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var target in targets)
        {
            foreach (var id in ResolveOne(target, at))
            {
                if (seen.Add(id))
                {
                    result.Add(id);
                }
            }
        }

        return result;
    }

    private IEnumerable<string> ResolveOne(EscalationTarget target, DateTimeOffset at) => target switch
    {
        // A person who has left the roster, or was deactivated, is nobody: notifying them would reach no one and hide the gap.
        PersonTarget p => _roster.IsActive(p.MemberId) ? [p.MemberId] : [],
        RoleTarget r => _roster.WithRole(r.Name).Select(m => m.Id),
        RotationTarget r => _rotations.TryGetValue(r.RotationId, out var rotation)
            && OnCallResolver.WhoIsOnCall(rotation.WithInactive(_roster.InactiveIds), at) is { } onCall
                ? [onCall]
                : [],
        WholeTeamTarget => _roster.ActiveMembers.Select(m => m.Id),
        _ => throw new NotSupportedException($"Unknown escalation target {target.GetType().Name}."),
    };
}
