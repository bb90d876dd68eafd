using EmergencyWorkflows.Api.Team;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Team;
using Microsoft.Extensions.Configuration;

namespace EmergencyWorkflows.Api.Tests.Team;

public class TeamSeedTests
{
    private static IConfiguration RepositoryConfiguration(Dictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(TestPaths.RepositoryRoot, "appsettings.json"))
            .AddInMemoryCollection(overrides ?? [])
            .Build();

    [Fact]
    public void FromConfiguration_RepositoryAppSettings_DefaultTeamRotationAndAPolicyPerGrade()
    {
        var seed = TeamSeed.FromConfiguration(RepositoryConfiguration());

        seed.Warnings.Should().BeEmpty();
        seed.Members.Should().Contain(m => m.HasRole(TeamRoles.TeamLead));
        seed.Members.Count(m => m.HasRole(TeamRoles.DepartmentHead)).Should().BeGreaterThanOrEqualTo(2);
        seed.Members.Count(m => m.HasRole(TeamRoles.Responder)).Should().BeGreaterThanOrEqualTo(2);
        seed.Members.Should().OnlyContain(m => m.Contacts.Email != null && m.Contacts.Email.EndsWith("@example.com", StringComparison.Ordinal));
        seed.Rotations.Should().ContainSingle().Which.Period.Should().Be(TimeSpan.FromDays(7));
        seed.Policies.Select(p => p.Id).Should().ContainInOrder("grade-1", "grade-2", "grade-3");
        seed.Policies.Single(p => p.Id == "grade-1").Tiers[0].Targets.Should().Equal(EscalationTarget.Rotation("weekly-responders"), EscalationTarget.Person("hr-lead"));
        seed.Policies.Single(p => p.Id == "grade-1").Tiers[2].Targets.Should().Equal(EscalationTarget.WholeTeam);
    }

    [Fact]
    public void FromConfiguration_LayeredOverrides_LaterIdWinsAndDanglingTargetsOnlyWarn()
    {
        var seed = TeamSeed.FromConfiguration(RepositoryConfiguration(new()
        {
            ["Emergency:Policies:11:Id"] = "grade-2",
            ["Emergency:Policies:11:Tiers:0:Targets:0"] = "rotation:nobody-on-call",
            ["Emergency:Policies:11:Tiers:1:Delay"] = "01:00:00",
            ["Emergency:Policies:11:Tiers:1:Targets:0:Kind"] = "person",
            ["Emergency:Policies:11:Tiers:1:Targets:0:Id"] = "hr-lead",
        }));

        var grade2 = seed.Policies.Single(p => p.Id == "grade-2");
        grade2.Tiers.Should().HaveCount(2);
        grade2.Tiers[0].Targets.Should().Equal(EscalationTarget.Rotation("nobody-on-call"));
        grade2.Tiers[1].Targets.Should().Equal(EscalationTarget.Person("hr-lead"));
        seed.Warnings.Should().Contain(w => w.Contains("'grade-2' 2 times")).And.Contain(w => w.Contains("rotation 'nobody-on-call'"));
    }

    [Fact]
    public void FromConfiguration_BrokenEntries_ThrowsNamingEachOne()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emergency:Team:0:Id"] = "lead",
            ["Emergency:Team:0:Roles:0"] = "chief",
            ["Emergency:Policies:0:Id"] = "p",
            ["Emergency:Policies:0:Tiers:0:Delay"] = "-00:00:01",
            ["Emergency:Policies:0:Tiers:0:Targets:0"] = "pager:42",
        }).Build();

        var act = () => TeamSeed.FromConfiguration(configuration);

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*Emergency:Team:0: displayName is required*")
            .WithMessage("*Role 'chief' is unknown*")
            .WithMessage("*Emergency:Policies:0: *kind 'pager'*")
            .WithMessage("*Tier 1 has a negative delay*");
    }
}
