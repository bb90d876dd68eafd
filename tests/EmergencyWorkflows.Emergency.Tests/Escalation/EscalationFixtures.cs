using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Tests.Escalation;

internal static class EscalationFixtures
{
    public static readonly DateTimeOffset Deadline = new(2026, 4, 6, 9, 5, 0, TimeSpan.Zero);

    public static Roster Members { get; } = new(
    [
        new TeamMember("lead", "Lead", "HR", [TeamRoles.TeamLead]),
        new TeamMember("head-it", "Head IT", "IT", [TeamRoles.DepartmentHead]),
        new TeamMember("head-fac", "Head Facilities", "Facilities", [TeamRoles.DepartmentHead]),
        new TeamMember("r1", "Responder 1", "IT", [TeamRoles.Responder]),
        new TeamMember("r2", "Responder 2", "IT", [TeamRoles.Responder]),
    ]);

    // Daily hand-off at 09:00 UTC on the deadline's day: r1 until 2026-04-07 09:00, then r2.
    public static Rotation Daily { get; } = new("responders", "Responders daily", ["r1", "r2"],
        new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));
}
