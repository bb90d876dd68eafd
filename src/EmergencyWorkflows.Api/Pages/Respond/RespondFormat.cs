using System.Globalization;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Emergency.Incidents;

namespace EmergencyWorkflows.Api.Pages.Respond;

/// <summary>How the responder's pages name stored values: the resource keys of categories, grades, statuses and roles,
/// and one way to write a time.</summary>
internal static class RespondFormat
{
    /// <summary>The CommonText key of a category key ("personnel-safety" → Category.PersonnelSafety); unknown → Category.Unknown.</summary>
    public static string CategoryKey(string? category) =>
        IncidentCategoryKeys.TryParse(category, out var parsed) ? "Category." + parsed : "Category.Unknown";

    public static string GradeKey(int? grade) => grade is 1 or 2 or 3 ? FormattableString.Invariant($"Grade.{grade}") : "Grade.None";

    public static string StatusKey(string status) => "Status." + status;

    public static string ChannelKey(string channel) => "Channel." + channel;

    /// <summary>The RespondText key of a role a task may be assigned to ("responder", "team-lead"…), or null for a person.</summary>
    public static string? RoleKey(string? assignee) => AuthRoles.Normalize(assignee) is { } role ? "Role." + role : null;

    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
