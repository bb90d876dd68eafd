using System.Text.Json;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Release;

/// <summary>
/// Who an incident affects, as far as the service knows them (plan §3.4 "progress updates to the employees affected"):
/// the reporter (their member id, else their user name) and each person involved whose name names exactly one team
/// member (id, display name, or a part of it such as the "Wang Fang" in "王芳 (Wang Fang)") or one configured user
/// (user name or display name). A name that matches nobody, or several people, reaches nobody rather than a stranger.
/// </summary>
internal sealed class AffectedEmployees(IEmergencyDirectory directory, IOptions<AuthOptions> auth)
{
    public IReadOnlyList<string> Of(IncidentRecord incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var ids = new List<string> { incident.ReportedByMemberId ?? incident.ReportedBy };
        foreach (var name in Involved(incident))
        {
            if (Resolve(name) is { } id)
            {
                ids.Add(id);
            }
        }

        return ids.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct(StringComparer.Ordinal).ToList();
    }

    private string? Resolve(string name)
    {
        var members = directory.Roster.Members.Where(m => m.Id == name || Names(m.DisplayName).Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (members.Count > 0)
        {
            return members.Count == 1 ? members[0].Id : null;
        }

        var users = auth.Value.Users.Where(u => string.Equals(u.UserName, name, StringComparison.OrdinalIgnoreCase)
            || (u.DisplayName is { } display && Names(display).Contains(name, StringComparer.OrdinalIgnoreCase))).ToList();
        return users.Count == 1 ? users[0].MemberId ?? users[0].UserName : null;
    }

    /// <summary>"王芳 (Wang Fang)" → the whole, "王芳" and "Wang Fang".</summary>
    private static IEnumerable<string> Names(string displayName) =>
        displayName.Split(['(', ')', '（', '）'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(displayName.Trim());

    private static IEnumerable<string> Involved(IncidentRecord incident)
    {
        try
        {
            return (JsonSerializer.Deserialize<List<string>>(incident.PeopleInvolvedJson) ?? [])
                .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim());
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
