namespace EmergencyWorkflows.Api.Auth;

/// <summary>
/// The roles of the one identity system (issue 4 §8): every employee may report; responders, department heads and the
/// HR team lead work incidents; admins run the service. Role claims carry exactly these names.
/// </summary>
internal static class AuthRoles
{
    public const string Reporter = "Reporter";
    public const string Responder = "Responder";
    public const string DepartmentHead = "DepartmentHead";
    public const string TeamLead = "TeamLead";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Reporter, Responder, DepartmentHead, TeamLead, Admin];

    /// <summary>
    /// The canonical name of a configured role, ignoring case, '-' and '_' (so the roster's "team-lead" reads as
    /// TeamLead); null when it is no role of this service.
    /// </summary>
    public static string? Normalize(string? role)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            return null;
        }

        var bare = role.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        return All.FirstOrDefault(r => string.Equals(r, bare, StringComparison.OrdinalIgnoreCase));
    }
}
