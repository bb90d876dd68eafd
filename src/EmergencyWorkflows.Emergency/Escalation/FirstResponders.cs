using System.Globalization;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>
/// Who must respond first to an incident right now: the first tier of the escalation policy its grade selects
/// (<c>grade-&lt;n&gt;</c>, else <c>default</c>) resolved at one instant, so a rotation gives whoever is on call then.
/// When that is nobody (no policy, a rotation whose members are all on leave, a named member who left) the team leads
/// stand in, and <see cref="FirstResponse.OnCall"/> says so: a page or an overdue notice never goes to nobody silently.
/// </summary>
public static class FirstResponders
{
    public const string DefaultPolicyId = "default";

    public static EscalationPolicy? PolicyFor(IEmergencyDirectory directory, int? grade)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return (grade is { } g ? directory.FindPolicy(string.Create(CultureInfo.InvariantCulture, $"grade-{g}")) : null)
            ?? directory.FindPolicy(DefaultPolicyId);
    }

    public static FirstResponse Resolve(IEmergencyDirectory directory, EscalationPolicy? policy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var onCall = policy is { Tiers.Count: > 0 }
            ? new RecipientResolver(directory.Roster, directory.Rotations).Resolve(policy.Tiers[0].Targets, at)
            : [];
        return onCall.Count > 0
            ? new FirstResponse(onCall, OnCall: true)
            : new FirstResponse(directory.Roster.WithRole(TeamRoles.TeamLead).Select(m => m.Id).ToList(), OnCall: false);
    }
}

/// <param name="MemberIds">Roster member ids, in the policy's order; empty only when nobody is on call and the roster has no team lead.</param>
/// <param name="OnCall">True when the policy's first tier resolved to someone; false when the team leads stand in.</param>
public sealed record FirstResponse(IReadOnlyList<string> MemberIds, bool OnCall);
