using System.Security.Claims;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Who sees which incident (issue 4 §8). A reporter sees the incidents they filed; a responder also those they work on
/// (responded, assigned, notified: the participants) and may read, not change, every report nobody has responded to
/// yet (<see cref="Readable"/>); team leads, department heads (they assess and grade, and
/// departments are not modelled yet) and admins see all. Everything else answers 404 exactly like a missing id, so
/// nobody learns that an incident exists.
/// </summary>
internal static class IncidentAccess
{
    public static bool SeesAll(ClaimsPrincipal user) =>
        user.IsInRole(AuthRoles.TeamLead) || user.IsInRole(AuthRoles.Admin) || user.IsInRole(AuthRoles.DepartmentHead);

    public static bool MayAssess(ClaimsPrincipal user) =>
        user.IsInRole(AuthRoles.TeamLead) || user.IsInRole(AuthRoles.DepartmentHead) || user.IsInRole(AuthRoles.Admin);

    /// <summary>The names a participant row may carry for this user: the user name and the roster member id.</summary>
    public static string[] IdentitiesOf(ClaimsPrincipal user) =>
        new[] { user.UserNameOf(), user.MemberIdOf() }.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray();

    public static IQueryable<IncidentRecord> Visible(WorkflowsDbContext db, ClaimsPrincipal user) =>
        SeesAll(user) ? db.Incidents : Own(db, user, unanswered: false);

    /// <summary>
    /// What a user may read: <see cref="Visible"/>, and for responders also every report nobody has responded to yet.
    /// An unanswered report is an open call to the whole emergency team (plan §3.2: someone must respond within five
    /// minutes), so a responder must be able to find it and acknowledge it; once someone responds it narrows to its
    /// participants again. Changing an incident still needs <see cref="Visible"/>.
    /// </summary>
    public static IQueryable<IncidentRecord> Readable(WorkflowsDbContext db, ClaimsPrincipal user) =>
        SeesAll(user) ? db.Incidents : Own(db, user, unanswered: user.IsInRole(AuthRoles.Responder));

    /// <summary>Reported by the user, or the user is a participant; with <paramref name="unanswered"/> also every report still in Reported.</summary>
    private static IQueryable<IncidentRecord> Own(WorkflowsDbContext db, ClaimsPrincipal user, bool unanswered)
    {
        var name = user.UserNameOf() ?? string.Empty;
        var identities = IdentitiesOf(user);
        const string open = nameof(Emergency.Incidents.IncidentStatus.Reported);
        return db.Incidents.Where(i => (unanswered && i.Status == open) || i.ReportedBy == name
            || db.IncidentParticipants.Any(p => p.IncidentId == i.Id && identities.Contains(p.Who)));
    }

    public static string NotFound(string id) => $"No incident '{id}' exists.";
}
