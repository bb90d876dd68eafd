using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Team;
using Microsoft.Extensions.Configuration;

namespace EmergencyWorkflows.Emergency.Tests.Liaison;

public class ConfiguredEmergencyDirectoryTests
{
    private static ConfiguredEmergencyDirectory From(Dictionary<string, string?> values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values).Build()
            .GetSection(EmergencyDirectoryOptions.Section).Get<EmergencyDirectoryOptions>() ?? new EmergencyDirectoryOptions());

    [Fact]
    public void Directory_FromConfiguration_TeamRotationsAndPoliciesBind()
    {
        var directory = From(new()
        {
            ["Emergency:Team:0:Id"] = "lead",
            ["Emergency:Team:0:DisplayName"] = "王经理",
            ["Emergency:Team:0:Roles:0"] = "team-lead",
            ["Emergency:Team:0:Email"] = "lead@example.com",
            ["Emergency:Team:0:ImAccounts:WeCom"] = "wang",
            ["Emergency:Team:1:Id"] = "r1",
            ["Emergency:Team:1:Roles:0"] = "responder",
            ["Emergency:Rotations:0:Id"] = "weekly",
            ["Emergency:Rotations:0:MemberIds:0"] = "r1",
            ["Emergency:Rotations:0:HandoffAnchor"] = "2026-01-05T09:00:00Z",
            ["Emergency:Policies:0:Id"] = "default",
            ["Emergency:Policies:0:Version"] = "3",
            ["Emergency:Policies:0:Tiers:0:Targets:0"] = "rotation:weekly",
            ["Emergency:Policies:0:Tiers:0:RepeatCount"] = "2",
            ["Emergency:Policies:0:Tiers:0:RepeatInterval"] = "00:01:00",
            ["Emergency:Policies:0:Tiers:1:Delay"] = "00:05:00",
            ["Emergency:Policies:0:Tiers:1:Targets:0"] = "role:team-lead",
            ["Emergency:Policies:0:Tiers:1:Targets:1"] = "whole-team",
        });

        directory.Roster.Find("lead")!.Contacts.ImAccount(ImPlatform.WeCom).Should().Be("wang");
        directory.Roster.Find("r1")!.DisplayName.Should().Be("r1", "a member without a display name is shown by id");
        directory.Rotations.Should().ContainSingle().Which.Period.Should().Be(TimeSpan.FromDays(7));
        var policy = directory.FindPolicy("default")!;
        policy.Version.Should().Be(3);
        policy.Tiers[0].Targets.Should().Equal(EscalationTarget.Rotation("weekly"));
        policy.Tiers[0].RepeatCount.Should().Be(2);
        policy.Tiers[1].Delay.Should().Be(TimeSpan.FromMinutes(5));
        policy.Tiers[1].Targets.Should().Equal(EscalationTarget.Role("team-lead"), EscalationTarget.WholeTeam);
        directory.FindPolicy("grade-1").Should().BeNull();
    }

    [Fact]
    public void Directory_EmptyConfiguration_NobodyAndNoPolicies()
    {
        var directory = From([]);

        directory.Roster.Members.Should().BeEmpty();
        directory.Policies.Should().BeEmpty();
    }

    [Fact]
    public void Directory_BadTargets_EveryProblemReportedAtOnce()
    {
        var act = () => From(new()
        {
            ["Emergency:Policies:0:Id"] = "p",
            ["Emergency:Policies:0:Tiers:0:Targets:0"] = "team:everyone",
            ["Emergency:Policies:1:Id"] = "q",
            ["Emergency:Policies:1:Tiers:0:Targets:0"] = "crowd",
        });

        act.Should().Throw<ArgumentException>()
            .WithMessage("*target 'team:everyone' is not person:<id>*")
            .WithMessage("*target 'crowd'*");
    }

    [Fact]
    public void Directory_SamePolicyIdAtALaterIndex_TheLaterEntryWins()
    {
        var directory = From(new()
        {
            ["Emergency:Policies:0:Id"] = "p",
            ["Emergency:Policies:0:Tiers:0:Targets:0"] = "role:responder",
            ["Emergency:Policies:10:Id"] = "p",
            ["Emergency:Policies:10:Tiers:0:Targets:0"] = "whole-team",
        });

        directory.Policies.Should().ContainSingle();
        directory.FindPolicy("p")!.Tiers[0].Targets.Should().Equal(EscalationTarget.WholeTeam);
    }
}
