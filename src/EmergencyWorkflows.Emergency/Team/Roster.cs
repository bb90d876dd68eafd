namespace EmergencyWorkflows.Emergency.Team;

/// <summary>The emergency team at one moment: an immutable lookup of members by id and by role, in roster order.</summary>
public sealed class Roster
{
    private readonly TeamMember[] _members;
    private readonly Dictionary<string, TeamMember> _byId;

    public Roster(IEnumerable<TeamMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        _members = members.ToArray();
        _byId = new Dictionary<string, TeamMember>(StringComparer.Ordinal);
        foreach (var member in _members)
        {
            if (!_byId.TryAdd(member.Id, member))
            {
                throw new ArgumentException($"The roster lists member id '{member.Id}' twice.", nameof(members));
            }
        }
    }

    public static Roster Empty { get; } = new([]);

    /// <summary>Every member, deactivated ones included (history names them), in the order the roster was given.</summary>
    public IReadOnlyList<TeamMember> Members => _members;

    /// <summary>The members who may be paged, put on call or assigned work, in roster order.</summary>
    public IReadOnlyList<TeamMember> ActiveMembers => _members.Where(m => m.Active).ToArray();

    /// <summary>The ids of deactivated members (rotations skip them).</summary>
    public IReadOnlyList<string> InactiveIds => _members.Where(m => !m.Active).Select(m => m.Id).ToArray();

    public TeamMember? Find(string memberId) => _byId.GetValueOrDefault(memberId);

    public bool Contains(string memberId) => _byId.ContainsKey(memberId);

    /// <summary>On the roster and not deactivated.</summary>
    public bool IsActive(string memberId) => _byId.TryGetValue(memberId, out var member) && member.Active;

    /// <summary>The active members holding <paramref name="role"/> (roles are resolved to page people).</summary>
    public IReadOnlyList<TeamMember> WithRole(string role) => _members.Where(m => m.Active && m.HasRole(role)).ToArray();

    public IReadOnlyList<TeamMember> InDepartment(string department) =>
        _members.Where(m => string.Equals(m.Department, department, StringComparison.OrdinalIgnoreCase)).ToArray();
}
