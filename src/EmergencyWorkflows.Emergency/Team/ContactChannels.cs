namespace EmergencyWorkflows.Emergency.Team;

/// <summary>How a team member is reached: phone, email and one account per IM platform.</summary>
public sealed record ContactChannels
{
    public ContactChannels(string? phone, string? email, IReadOnlyDictionary<ImPlatform, string>? imAccounts = null)
    {
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        // Copied so that a caller mutating its dictionary later cannot change a member in flight.
        ImAccounts = imAccounts is null
            ? new Dictionary<ImPlatform, string>()
            : new Dictionary<ImPlatform, string>(imAccounts);
    }

    public static ContactChannels None { get; } = new(null, null);

    public string? Phone { get; }

    public string? Email { get; }

    public IReadOnlyDictionary<ImPlatform, string> ImAccounts { get; }

    public string? ImAccount(ImPlatform platform) => ImAccounts.TryGetValue(platform, out var account) ? account : null;
}
