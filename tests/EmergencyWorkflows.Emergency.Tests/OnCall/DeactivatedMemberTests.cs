using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Tests.OnCall;

/// <summary>A deactivated member keeps their place in the data but is never on call and never paged.</summary>
public class DeactivatedMemberTests
{
    // Monday 2026-01-05 09:00 UTC; weekly hand-offs a → b → c.
    private static readonly DateTimeOffset Anchor = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Rotation Weekly = new("ops", "Ops weekly", ["a", "b", "c"], Anchor, TimeSpan.FromDays(7));

    private static readonly Roster Team = new(
    [
        new TeamMember("a", "A", "IT", [TeamRoles.Responder]),
        new TeamMember("b", "B", "IT", [TeamRoles.Responder]) { Active = false },
        new TeamMember("c", "C", "IT", [TeamRoles.Responder]),
        new TeamMember("lead", "Lead", "HR", [TeamRoles.TeamLead]),
    ]);

    [Fact]
    public void WhoIsOnCall_ScheduledMemberDeactivated_NextMemberCovers()
    {
        var rotation = Weekly.WithInactive(["b"]);

        OnCallResolver.WhoIsOnCall(Weekly, Anchor.AddDays(8)).Should().Be("b");
        OnCallResolver.WhoIsOnCall(rotation, Anchor.AddDays(8)).Should().Be("c");
        OnCallResolver.WhoIsOnCall(rotation, Anchor.AddDays(1)).Should().Be("a");
    }

    [Fact]
    public void WhoIsOnCall_SwapToADeactivatedMember_IgnoredAndTheScheduleHolds()
    {
        var rotation = Weekly.WithOverride(new OnCallOverride("b", Anchor.AddDays(1), Anchor.AddDays(2), Anchor)).WithInactive(["b"]);

        OnCallResolver.WhoIsOnCall(rotation, Anchor.AddDays(1.5)).Should().Be("a");
    }

    [Fact]
    public void WhoIsOnCall_EveryMemberDeactivated_Nobody()
    {
        OnCallResolver.WhoIsOnCall(Weekly.WithInactive(["a", "b", "c"]), Anchor).Should().BeNull();
    }

    [Fact]
    public void WithOverrideOrLeave_AfterWithInactive_KeepsTheDeactivatedMembers()
    {
        var rotation = Weekly.WithInactive(["b"]).WithLeave(new OnCallLeave("c", Anchor, Anchor.AddDays(30)));

        rotation.InactiveMemberIds.Should().BeEquivalentTo(["b"]);
        OnCallResolver.WhoIsOnCall(rotation, Anchor.AddDays(8)).Should().Be("a");
    }

    [Fact]
    public void Resolve_DeactivatedMember_NeverARecipientByPersonRoleRotationOrWholeTeam()
    {
        var resolver = new RecipientResolver(Team, [Weekly]);
        var duringBsTurn = Anchor.AddDays(8);

        resolver.Resolve([EscalationTarget.Person("b")], duringBsTurn).Should().BeEmpty();
        resolver.Resolve([EscalationTarget.Role(TeamRoles.Responder)], duringBsTurn).Should().Equal("a", "c");
        resolver.Resolve([EscalationTarget.Rotation("ops")], duringBsTurn).Should().Equal("c");
        resolver.Resolve([EscalationTarget.WholeTeam], duringBsTurn).Should().Equal("a", "c", "lead");
    }

    [Fact]
    public void Roster_DeactivatedMember_StillFoundForHistoryButNotActive()
    {
        Team.Find("b")!.DisplayName.Should().Be("B");
        Team.Contains("b").Should().BeTrue();
        Team.IsActive("b").Should().BeFalse();
        Team.IsActive("a").Should().BeTrue();
        Team.IsActive("nobody").Should().BeFalse();
        Team.InactiveIds.Should().Equal("b");
    }
}
