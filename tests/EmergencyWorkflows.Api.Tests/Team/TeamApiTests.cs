using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Team;

[Collection(SharedHostCollection.Name)]
public class TeamApiTests(SharedHost host)
{
    private static readonly DateTimeOffset Anchor = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    private HttpClient Client => host.Client;

    private IEmergencyDirectory Directory => host.Factory.Services.GetRequiredService<IEmergencyDirectory>();

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> CreateMemberAsync(string role = "responder", string? id = null)
    {
        id ??= NewId("m");
        using var response = await Client.PostAsJsonAsync("/api/team/members", new
        {
            id,
            displayName = "测试 " + id,
            department = "Ops",
            roles = new[] { role },
            phone = "13700000000",
            email = id + "@example.com",
            imAccounts = new Dictionary<string, string> { ["WeCom"] = "wc-" + id },
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return id;
    }

    [Fact]
    public async Task Directory_FirstStart_SeededFromConfigurationAndServedFromTheDatabase()
    {
        using var response = await Client.GetAsync("/api/team/members");
        var members = (await response.ReadJsonAsync()).AsArray();
        using var policies = await Client.GetAsync("/api/team/policies");
        var policyIds = (await policies.ReadJsonAsync()).AsArray().Select(p => (string?)p!["id"]).ToList();

        Directory.Should().BeOfType<DatabaseEmergencyDirectory>();
        members.Select(m => (string?)m!["id"]).Should().Contain(["hr-lead", "ops-head", "responder-zhang"]);
        policyIds.Should().Contain(["grade-1", "grade-2", "grade-3"]);
        Directory.Roster.Find("hr-lead")!.HasRole("team-lead").Should().BeTrue();
        Directory.FindPolicy("grade-1")!.Tiers[0].Targets.Should().Contain(EscalationTarget.Rotation("weekly-responders"));
    }

    [Fact]
    public async Task Members_CreateUpdateDelete_StoredAndVisibleInTheDirectoryAtOnce()
    {
        var id = await CreateMemberAsync();
        Directory.Roster.Find(id)!.Contacts.ImAccount(Emergency.Team.ImPlatform.WeCom).Should().Be("wc-" + id);

        using var update = await Client.PutAsJsonAsync($"/api/team/members/{id}", new
        {
            displayName = "改名 " + id,
            roles = new[] { "department-head", "responder" },
            email = "new-" + id + "@example.com",
            imAccounts = new Dictionary<string, string> { ["DingTalk"] = "dd-" + id },
        });
        var updated = (await update.ReadJsonAsync()).AsObject();
        using var get = await Client.GetAsync($"/api/team/members/{id}");
        var fetched = (await get.ReadJsonAsync()).AsObject();

        update.StatusCode.Should().Be(HttpStatusCode.OK, updated.ToJsonString());
        ((string?)fetched["displayName"]).Should().Be("改名 " + id);
        fetched["roles"]!.AsArray().Select(r => (string?)r).Should().Equal("department-head", "responder");
        ((string?)fetched["phone"]).Should().BeNull();
        fetched["imAccounts"]!.AsObject().Select(p => p.Key).Should().Equal("DingTalk");
        Directory.Roster.Find(id)!.Contacts.Email.Should().Be("new-" + id + "@example.com");

        using var delete = await Client.DeleteAsync($"/api/team/members/{id}");
        using var gone = await Client.GetAsync($"/api/team/members/{id}");

        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Directory.Roster.Contains(id).Should().BeFalse();
    }

    [Fact]
    public async Task Members_InvalidBody_ProblemListingEveryMistake()
    {
        using var response = await Client.PostAsJsonAsync("/api/team/members", new
        {
            id = "bad id!",
            roles = new[] { "janitor" },
            email = "not-an-email",
            imAccounts = new Dictionary<string, string> { ["ICQ"] = "123" },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray().Select(e => (string)e!).ToList();
        errors.Should().Contain(e => e.Contains("id 'bad id!'"));
        errors.Should().Contain(e => e.Contains("displayName is required"));
        errors.Should().Contain(e => e.Contains("Role 'janitor' is unknown"));
        errors.Should().Contain(e => e.Contains("email is not an email address"));
        errors.Should().Contain(e => e.Contains("platform 'ICQ'"));
    }

    [Fact]
    public async Task Members_DuplicateId_Conflict()
    {
        var id = await CreateMemberAsync();

        using var again = await Client.PostAsJsonAsync("/api/team/members", new { id, displayName = "x", roles = new[] { "responder" } });

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        ((string?)problem["detail"]).Should().Contain(id);
    }

    [Fact]
    public async Task Members_DeleteWhileOnARotationOrPolicy_ConflictNamingThem()
    {
        var id = await CreateMemberAsync();
        var rotation = NewId("rot");
        using var created = await Client.PostAsJsonAsync("/api/team/rotations",
            new { id = rotation, memberIds = new[] { id }, handoffAnchor = Anchor, period = "7.00:00:00" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        using var delete = await Client.DeleteAsync($"/api/team/members/{id}");

        var problem = await delete.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        ((string?)problem["detail"]).Should().Contain($"rotation '{rotation}'");
        Directory.Roster.Contains(id).Should().BeTrue();
    }

    [Fact]
    public async Task Rotations_UnknownMemberOrBadPeriod_ProblemNamingThem()
    {
        using var response = await Client.PostAsJsonAsync("/api/team/rotations",
            new { id = NewId("rot"), memberIds = new[] { "nobody-here" }, handoffAnchor = Anchor, period = "-1.00:00:00" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray().Select(e => (string)e!).ToList();
        errors.Should().Contain(e => e.Contains("'nobody-here', who is not a team member"));
        errors.Should().Contain(e => e.Contains("period must be positive"));
    }

    [Fact]
    public async Task Rotations_LeaveAndSwap_ChangeWhoIsOnCall()
    {
        var first = await CreateMemberAsync();
        var second = await CreateMemberAsync();
        var standIn = await CreateMemberAsync();
        var rotation = NewId("rot");
        using var created = await Client.PostAsJsonAsync("/api/team/rotations",
            new { id = rotation, name = "Weekly", memberIds = new[] { first, second }, handoffAnchor = Anchor, period = "7.00:00:00" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var at = Anchor.AddDays(2);

        var scheduled = await OnCallAsync(rotation, at);
        using var leave = await Client.PostAsJsonAsync($"/api/team/rotations/{rotation}/leaves", new { memberId = first, from = Anchor, until = Anchor.AddDays(7) });
        var covered = await OnCallAsync(rotation, at);
        using var swap = await Client.PostAsJsonAsync($"/api/team/rotations/{rotation}/overrides", new { memberId = standIn, from = at.AddHours(-1), until = at.AddHours(1) });
        var swapped = await OnCallAsync(rotation, at);
        var swapId = (string)(await swap.ReadJsonAsync())["id"]!;
        using var removeSwap = await Client.DeleteAsync($"/api/team/rotations/{rotation}/overrides/{swapId}");
        var afterRemoval = await OnCallAsync(rotation, at);

        leave.StatusCode.Should().Be(HttpStatusCode.Created);
        swap.StatusCode.Should().Be(HttpStatusCode.Created);
        removeSwap.StatusCode.Should().Be(HttpStatusCode.NoContent);
        scheduled.Should().Be(first);
        covered.Should().Be(second, "the next member covers a leave");
        swapped.Should().Be(standIn);
        afterRemoval.Should().Be(second);
        var inDirectory = Directory.Rotations.Single(r => r.Id == rotation);
        inDirectory.Leaves.Should().ContainSingle().Which.MemberId.Should().Be(first);
        inDirectory.Overrides.Should().BeEmpty();
    }

    [Fact]
    public async Task Rotations_LeaveForSomeoneNotOnTheRotationOrBackwards_Problem()
    {
        var member = await CreateMemberAsync();
        var outsider = await CreateMemberAsync();
        var rotation = NewId("rot");
        using var created = await Client.PostAsJsonAsync("/api/team/rotations",
            new { id = rotation, memberIds = new[] { member }, handoffAnchor = Anchor, period = "1.00:00:00" });

        using var leave = await Client.PostAsJsonAsync($"/api/team/rotations/{rotation}/leaves", new { memberId = outsider, from = Anchor, until = Anchor.AddDays(-1) });
        using var missing = await Client.PostAsJsonAsync("/api/team/rotations/no-such-rotation/leaves", new { memberId = member, from = Anchor, until = Anchor.AddDays(1) });

        var problem = await leave.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray().Select(e => (string)e!).ToList();
        errors.Should().Contain(e => e.Contains($"is not a member of rotation '{rotation}'"));
        errors.Should().Contain(e => e.Contains("must be after from"));
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Policies_EmptyTiers_Problem()
    {
        using var response = await Client.PostAsJsonAsync("/api/team/policies", new { id = NewId("p"), tiers = Array.Empty<object>() });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsArray().Select(e => (string)e!).Should().Contain(e => e.Contains("at least one tier"));
    }

    [Fact]
    public async Task Policies_NegativeDelayAndUnknownTargets_ProblemListingEach()
    {
        using var response = await Client.PostAsJsonAsync("/api/team/policies", new
        {
            id = NewId("p"),
            tiers = new object[]
            {
                new { delay = "-00:01:00", targets = new object[] { new { kind = "person", id = "ghost" }, new { kind = "rotation", id = "no-rotation" } } },
                new { delay = "00:05:00", targets = new object[] { new { kind = "role", id = "janitor" }, new { kind = "pager" } }, repeatCount = 2 },
            },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray().Select(e => (string)e!).ToList();
        errors.Should().Contain(e => e.Contains("Tier 1 has a negative delay"));
        errors.Should().Contain(e => e.Contains("Tier 1 target 1 names member 'ghost'"));
        errors.Should().Contain(e => e.Contains("Tier 1 target 2 names rotation 'no-rotation'"));
        errors.Should().Contain(e => e.Contains("Tier 2 target 1 names role 'janitor'"));
        errors.Should().Contain(e => e.Contains("Tier 2 target 2 has kind 'pager'"));
        errors.Should().Contain(e => e.Contains("Tier 2 repeats 2 time(s) but its repeat interval is not positive"));
    }

    [Fact]
    public async Task Policies_CreateThenEdit_VersionRisesAndTheDirectoryServesTheEdit()
    {
        var member = await CreateMemberAsync();
        var id = NewId("p");
        using var created = await Client.PostAsJsonAsync("/api/team/policies", new
        {
            id,
            name = "Test policy",
            tiers = new object[] { new { delay = "00:00:00", targets = new object[] { new { kind = "person", id = member } }, repeatCount = 1, repeatInterval = "00:02:00" } },
        });
        var snapshot = PolicySnapshot.Take(Directory.FindPolicy(id)!, DateTimeOffset.UtcNow);

        using var edited = await Client.PutAsJsonAsync($"/api/team/policies/{id}", new
        {
            name = "Test policy",
            tiers = new object[]
            {
                new { delay = "00:00:00", targets = new object[] { new { kind = "rotation", id = "weekly-responders" } } },
                new { delay = "00:10:00", targets = new object[] { new { kind = "whole-team" } } },
            },
        });
        var view = (await edited.ReadJsonAsync()).AsObject();

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        edited.StatusCode.Should().Be(HttpStatusCode.OK, view.ToJsonString());
        ((int?)view["version"]).Should().Be(2);
        view["tiers"]!.AsArray().Should().HaveCount(2);
        ((string?)view["tiers"]![1]!["targets"]![0]!["kind"]).Should().Be("whole-team");
        var policy = Directory.FindPolicy(id)!;
        policy.Version.Should().Be(2);
        policy.Tiers[1].Delay.Should().Be(TimeSpan.FromMinutes(10));
        snapshot.PolicyVersion.Should().Be(1, "a snapshot taken before the edit keeps version 1");
        snapshot.Tiers.Should().ContainSingle().Which.Targets.Should().Equal(EscalationTarget.Person(member));
    }

    [Fact]
    public async Task Policies_TargetsWrittenAsText_Accepted()
    {
        var id = NewId("p");

        using var created = await Client.PostAsync("/api/team/policies", ApiClientExtensions.Json(
            $$"""{"id":"{{id}}","tiers":[{"delay":"00:00:00","targets":["role:responder","rotation:weekly-responders"]},{"delay":"00:01:00","targets":["whole-team"]}]}"""));

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Directory.FindPolicy(id)!.Tiers.SelectMany(t => t.Targets).Should()
            .Equal(EscalationTarget.Role("responder"), EscalationTarget.Rotation("weekly-responders"), EscalationTarget.WholeTeam);
    }

    [Fact]
    public async Task OnCall_All_ListsTheSeededWeeklyRotation()
    {
        using var response = await Client.GetAsync("/api/team/on-call?at=2026-01-05T02:00:00Z");
        var list = (await response.ReadJsonAsync()).AsArray();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var weekly = list.Single(r => (string?)r!["rotationId"] == "weekly-responders")!;
        ((string?)weekly["memberId"]).Should().Be("responder-zhang", "the anchor week belongs to the first member");
    }

    [Fact]
    public async Task Team_ByRole_ResponderReadsTeamLeadEditsEmployeeAndAnonymousRefused()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        using var employee = host.Factory.CreateClientAs("employee");
        using var anonymous = host.Factory.CreateAnonymousClient();
        var id = NewId("m");
        object body = new { id, displayName = "x", roles = new[] { "responder" } };

        using var responderReads = await responder.GetAsync("/api/team/members");
        using var responderWrites = await responder.PostAsJsonAsync("/api/team/members", body);
        using var leadWrites = await lead.PostAsJsonAsync("/api/team/members", body);
        using var employeeReads = await employee.GetAsync("/api/team/policies");
        using var anonymousReads = await anonymous.GetAsync("/api/team/on-call");
        using var anonymousInbox = await anonymous.GetAsync("/api/inbox?memberId=x");

        responderReads.StatusCode.Should().Be(HttpStatusCode.OK);
        responderWrites.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        leadWrites.StatusCode.Should().Be(HttpStatusCode.Created);
        employeeReads.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymousReads.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymousInbox.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Team_UnknownIds_NotFoundProblems()
    {
        using var member = await Client.PutAsJsonAsync("/api/team/members/nobody", new { displayName = "x", roles = new[] { "responder" } });
        using var rotation = await Client.GetAsync("/api/team/rotations/nothing");
        using var policy = await Client.DeleteAsync("/api/team/policies/nothing");

        await member.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await rotation.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await policy.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<string?> OnCallAsync(string rotation, DateTimeOffset at)
    {
        using var response = await Client.GetAsync($"/api/team/on-call?at={Uri.EscapeDataString(at.ToString("O"))}");
        var list = (await response.ReadJsonAsync()).AsArray();
        response.StatusCode.Should().Be(HttpStatusCode.OK, list.ToJsonString());
        return (string?)list.Single(r => (string?)r!["rotationId"] == rotation)!["memberId"];
    }
}
