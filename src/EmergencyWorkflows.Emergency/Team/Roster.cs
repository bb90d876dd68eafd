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

    /// <summary>Every member, in the order the roster was given (escalation resolves roles in this order).</summary>
    public IReadOnlyList<TeamMember> Members => _members;

    public TeamMember? Find(string memberId) => _byId.GetValueOrDefault(memberId);

    public bool Contains(string memberId) => _byId.ContainsKey(memberId);

    public IReadOnlyList<TeamMember> WithRole(string role) => _members.Where(m => m.HasRole(role)).ToArray();

    public IReadOnlyList<TeamMember> InDepartment(string department) =>
        _members.Where(m => string.Equals(m.Department, department, StringComparison.OrdinalIgnoreCase)).ToArray();
}
