using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Tests.Team;

public class RosterTests
{
    private static readonly Roster Team = new(
    [
        new TeamMember("lead", "Li Lead", "HR", [TeamRoles.TeamLead, TeamRoles.Admin],
            new ContactChannels("13800000001", "lead@example.com", new Dictionary<ImPlatform, string> { [ImPlatform.WeCom] = "lilead" })),
        new TeamMember("it-head", "Wang IT", "IT", [TeamRoles.DepartmentHead]),
        new TeamMember("r1", "Zhao Responder", "IT", [TeamRoles.Responder]),
        new TeamMember("r2", "Qian Responder", "Facilities", [TeamRoles.Responder]),
    ]);

    [Fact]
    public void WithRole_Responder_ReturnsMembersInRosterOrder()
    {
        Team.WithRole(TeamRoles.Responder).Select(m => m.Id).Should().Equal("r1", "r2");
    }

    [Fact]
    public void WithRole_DifferentCase_StillMatches()
    {
        Team.WithRole("TEAM-LEAD").Select(m => m.Id).Should().Equal("lead");
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        Team.Find("nobody").Should().BeNull();
        Team.Find("lead")!.Contacts.ImAccount(ImPlatform.WeCom).Should().Be("lilead");
        Team.Find("lead")!.Contacts.ImAccount(ImPlatform.Slack).Should().BeNull();
    }

    [Fact]
    public void InDepartment_It_ReturnsBothItMembers()
    {
        Team.InDepartment("it").Select(m => m.Id).Should().Equal("it-head", "r1");
    }

    [Fact]
    public void Constructor_DuplicateId_Throws()
    {
        var act = () => new Roster([new TeamMember("a", "A", "HR", []), new TeamMember("a", "B", "HR", [])]);

        act.Should().Throw<ArgumentException>().WithMessage("*'a' twice*");
    }

    [Fact]
    public void ContactChannels_CallerMutatesItsDictionary_MemberUnchanged()
    {
        var accounts = new Dictionary<ImPlatform, string> { [ImPlatform.Slack] = "U1" };
        var member = new TeamMember("m", "M", "HR", [], new ContactChannels(null, null, accounts));

        accounts[ImPlatform.Slack] = "U2";

        member.Contacts.ImAccount(ImPlatform.Slack).Should().Be("U1");
    }
}
