using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Emergency.Tests.Scenarios.Escalation;

namespace EmergencyWorkflows.Emergency.Tests.Escalation;

public class FirstRespondersTests
{
    private static readonly DateTimeOffset Now = EscalationFixtures.Deadline;

    private static EscalationPolicy Policy(string id, params EscalationTarget[] firstTier) => new(id, id, 1,
    [
        new EscalationTier(TimeSpan.Zero, firstTier),
        new EscalationTier(TimeSpan.FromMinutes(5), [EscalationTarget.WholeTeam]),
    ]);

    private static EditableDirectory Directory(params EscalationPolicy[] policies) => new()
    {
        Roster = EscalationFixtures.Members,
        Rotations = [EscalationFixtures.Daily],
        Policies = policies,
    };

    [Fact]
    public void Resolve_RotationInFirstTier_WhoeverIsOnCallNowOnly()
    {
        var directory = Directory(Policy("grade-2", EscalationTarget.Rotation("responders")));

        var first = FirstResponders.Resolve(directory, FirstResponders.PolicyFor(directory, 2), Now);

        first.Should().BeEquivalentTo(new FirstResponse(["r1"], OnCall: true), "r1 holds the daily rotation until 09:00 the next day; later tiers wait for the breach");
        FirstResponders.Resolve(directory, FirstResponders.PolicyFor(directory, 2), Now.AddDays(1)).MemberIds.Should().Equal("r2");
    }

    [Fact]
    public void PolicyFor_NoGradePolicy_TheDefault()
    {
        var directory = Directory(Policy("default", EscalationTarget.Role(TeamRoles.Responder)), Policy("grade-1", EscalationTarget.Person("lead")));

        FirstResponders.PolicyFor(directory, 3)!.Id.Should().Be("default");
        FirstResponders.PolicyFor(directory, 1)!.Id.Should().Be("grade-1");
        FirstResponders.PolicyFor(directory, null)!.Id.Should().Be("default");
    }

    [Fact]
    public void Resolve_FirstTierResolvesToNobody_TheTeamLeadsStandIn()
    {
        var directory = Directory(Policy("grade-1", EscalationTarget.Person("left-the-company")));

        FirstResponders.Resolve(directory, FirstResponders.PolicyFor(directory, 1), Now)
            .Should().BeEquivalentTo(new FirstResponse(["lead"], OnCall: false));
        FirstResponders.Resolve(directory, null, Now).Should().BeEquivalentTo(new FirstResponse(["lead"], OnCall: false), "no policy at all is nobody on call too");
    }

    [Fact]
    public void Resolve_NobodyOnCallAndNoTeamLead_Empty()
    {
        var directory = Directory(Policy("grade-1", EscalationTarget.Person("left-the-company")));
        directory.Roster = new Roster([new TeamMember("r1", "Responder 1", "IT", [TeamRoles.Responder])]);
        directory.Rotations = [];

        FirstResponders.Resolve(directory, directory.FindPolicy("grade-1"), Now).Should().BeEquivalentTo(new FirstResponse([], OnCall: false));
    }
}
