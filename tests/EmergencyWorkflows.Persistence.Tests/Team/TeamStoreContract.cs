using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Persistence.Team;
using EmergencyWorkflows.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyWorkflows.Persistence.Tests.Team;

public abstract class TeamStoreContract : StoreContract
{
    private static readonly DateTimeOffset Anchor = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    private static readonly TeamMember Lead = new("hr-lead", "王芳", "HR", [TeamRoles.TeamLead, TeamRoles.Admin],
        new ContactChannels("13800000001", "wang.fang@example.com", new Dictionary<ImPlatform, string> { [ImPlatform.WeCom] = "wangfang", [ImPlatform.Slack] = "U01" }));

    private static readonly TeamMember Zhang = new("r-zhang", "张伟", "Ops", [TeamRoles.Responder], new ContactChannels("13900000011", null));
    private static readonly TeamMember Sun = new("r-sun", "孙丽", "Service", [TeamRoles.Responder], new ContactChannels(null, "sun.li@example.com"));

    private static readonly Rotation Weekly = new("weekly", "Weekly responders", ["r-sun", "r-zhang"], Anchor, TimeSpan.FromDays(7),
        [new OnCallOverride("hr-lead", Anchor.AddDays(1), Anchor.AddDays(2), Anchor.AddHours(-1))],
        [new OnCallLeave("r-sun", Anchor.AddDays(7), Anchor.AddDays(14))]);

    private static readonly EscalationPolicy Grade1 = new("grade-1", "Grade 1", 1,
    [
        new EscalationTier(TimeSpan.Zero, [EscalationTarget.Rotation("weekly"), EscalationTarget.Person("hr-lead")], 2, TimeSpan.FromMinutes(2)),
        new EscalationTier(TimeSpan.FromMinutes(5), [EscalationTarget.Role(TeamRoles.DepartmentHead)]),
        new EscalationTier(TimeSpan.FromMinutes(10), [EscalationTarget.WholeTeam]),
    ]);

    private DatabaseEmergencyDirectory NewDirectory() =>
        new(Get<IDbContextFactory<WorkflowsDbContext>>(), Time, NullLogger<DatabaseEmergencyDirectory>.Instance);

    [Fact]
    public async Task SeedOnceAsync_FreshDatabase_AnotherDirectoryLoadsTheSameTeamRotationsAndPolicies()
    {
        var seeded = await NewDirectory().SeedOnceAsync([Lead, Zhang, Sun], [Weekly], [Grade1], CancellationToken.None);
        var reader = NewDirectory();

        await reader.RefreshAsync(CancellationToken.None);

        seeded.Should().BeTrue();
        reader.Roster.Members.Select(m => m.Id).Should().Equal("hr-lead", "r-zhang", "r-sun");
        var lead = reader.Roster.Find("hr-lead")!;
        lead.DisplayName.Should().Be("王芳");
        lead.Roles.Should().BeEquivalentTo([TeamRoles.TeamLead, TeamRoles.Admin]);
        lead.Contacts.Phone.Should().Be("13800000001");
        lead.Contacts.Email.Should().Be("wang.fang@example.com");
        lead.Contacts.ImAccounts.Should().BeEquivalentTo(Lead.Contacts.ImAccounts);
        reader.Roster.Find("r-sun")!.Contacts.Phone.Should().BeNull();

        var rotation = reader.Rotations.Should().ContainSingle().Subject;
        rotation.MemberIds.Should().Equal("r-sun", "r-zhang");
        rotation.HandoffAnchor.Should().Be(Anchor);
        rotation.Period.Should().Be(TimeSpan.FromDays(7));
        rotation.Overrides.Should().Equal(Weekly.Overrides);
        rotation.Leaves.Should().Equal(Weekly.Leaves);
        OnCallResolver.WhoIsOnCall(rotation, Anchor.AddDays(1).AddHours(1)).Should().Be("hr-lead");
        OnCallResolver.WhoIsOnCall(rotation, Anchor.AddDays(8)).Should().Be("r-zhang", "r-sun is on leave in her own turn");

        var policy = reader.FindPolicy("grade-1")!;
        policy.Version.Should().Be(1);
        policy.Tiers.Should().HaveCount(3);
        policy.Tiers[0].Targets.Should().Equal(EscalationTarget.Rotation("weekly"), EscalationTarget.Person("hr-lead"));
        policy.Tiers[0].RepeatCount.Should().Be(2);
        policy.Tiers[0].RepeatInterval.Should().Be(TimeSpan.FromMinutes(2));
        policy.Tiers[1].Delay.Should().Be(TimeSpan.FromMinutes(5));
        policy.Tiers[1].Targets.Should().Equal(EscalationTarget.Role(TeamRoles.DepartmentHead));
        policy.Tiers[2].Targets.Should().Equal(EscalationTarget.WholeTeam);
        policy.Validate().Should().BeEmpty();
    }

    [Fact]
    public async Task SeedOnceAsync_AfterAnEdit_DoesNotSeedAgain()
    {
        var directory = NewDirectory();
        await directory.SeedOnceAsync([Lead, Zhang], [], [], CancellationToken.None);
        await using (var db = await OpenDbAsync())
        {
            await db.TeamMembers.Where(m => m.Id == "r-zhang").ExecuteDeleteAsync();
        }

        var again = await directory.SeedOnceAsync([Lead, Zhang], [], [], CancellationToken.None);
        await directory.RefreshAsync(CancellationToken.None);

        again.Should().BeFalse();
        directory.Roster.Members.Select(m => m.Id).Should().Equal("hr-lead");
    }

    [Fact]
    public async Task DeleteMember_StillOnARotation_RefusedByTheDatabase()
    {
        await NewDirectory().SeedOnceAsync([Lead, Zhang, Sun], [Weekly], [], CancellationToken.None);
        await using var db = await OpenDbAsync();

        var delete = () => db.TeamMembers.Where(m => m.Id == "r-zhang").ExecuteDeleteAsync();

        await delete.Should().ThrowAsync<Microsoft.Data.Sqlite.SqliteException>().WithMessage("*FOREIGN KEY*");
    }

    [Fact]
    public async Task RefreshAsync_BeforeAnyLoad_EmptyDirectory()
    {
        var directory = NewDirectory();

        directory.Roster.Members.Should().BeEmpty();
        directory.LoadedAt.Should().BeNull();
        await directory.RefreshAsync(CancellationToken.None);
        directory.LoadedAt.Should().Be(Time.GetUtcNow());
    }
}
