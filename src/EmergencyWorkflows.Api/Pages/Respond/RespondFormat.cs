using System.Globalization;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Tasks;
using EmergencyWorkflows.Emergency.Incidents;
using Microsoft.Extensions.Localization;

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

    /// <summary>A task refusal in the page's language when its code has a text here (ApiError.*, its args filling {0}…),
    /// else the English sentence the API answers with.</summary>
    public static string? Say(IStringLocalizer<RespondText> l, TaskOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Code is { } code && l["ApiError." + code, [.. outcome.Args ?? []]] is { ResourceNotFound: false } text ? text.Value : outcome.Message;
    }
}
