namespace EmergencyWorkflows.Emergency.Team;

/// <summary>A member of the emergency team. Display name, phone, email and IM accounts are personal data:
/// log them only through <see cref="PersonalData.Mask(string?)"/>.</summary>
public sealed record TeamMember
{
    public TeamMember(string id, string displayName, string department, IEnumerable<string> roles, ContactChannels? contacts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(roles);
        Id = id;
        DisplayName = displayName;
        Department = department ?? string.Empty;
        Roles = roles.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        Contacts = contacts ?? ContactChannels.None;
    }

    public string Id { get; }

    public string DisplayName { get; }

    public string Department { get; }

    public IReadOnlyList<string> Roles { get; }

    public ContactChannels Contacts { get; }

    /// <summary>False once HR deactivated the member (left, long leave): kept for history, never paged, never on call,
    /// never assigned work.</summary>
    public bool Active { get; init; } = true;

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}
