using System.Net;
using System.Net.Http.Json;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Team;

[Collection(SharedHostCollection.Name)]
public class MemberDeactivationTests(SharedHost host)
{
    private static readonly DateTimeOffset Anchor = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    private HttpClient Client => host.Client;

    private IEmergencyDirectory Directory => host.Factory.Services.GetRequiredService<IEmergencyDirectory>();

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> CreateMemberAsync()
    {
        var id = NewId("m");
        using var response = await Client.PostAsJsonAsync("/api/team/members", new { id, displayName = "测试 " + id, roles = new[] { "responder" } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return id;
    }

    private async Task<string> CreateRotationAsync(params string[] memberIds)
    {
        var id = NewId("rot");
        using var created = await Client.PostAsJsonAsync("/api/team/rotations",
            new { id, memberIds, handoffAnchor = Anchor, period = "7.00:00:00" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return id;
    }

    private async Task<string?> OnCallAsync(string rotation, DateTimeOffset at)
    {
        using var response = await Client.GetAsync($"/api/team/on-call?at={Uri.EscapeDataString(at.ToString("O"))}");
        var list = (await response.ReadJsonAsync()).AsArray();
        return (string?)list.Single(r => (string?)r!["rotationId"] == rotation)!["memberId"];
    }

    [Fact]
    public async Task Deactivate_MemberOnCall_RecordedWithWhoWhenWhyAndTheNextMemberCovers()
    {
        var first = await CreateMemberAsync();
        var second = await CreateMemberAsync();
        var rotation = await CreateRotationAsync(first, second);
        var at = Anchor.AddDays(2);
        var before = await OnCallAsync(rotation, at);

        using var deactivate = await Client.PostAsJsonAsync($"/api/team/members/{first}/deactivate", new { reason = "Long leave" });
        var body = (await deactivate.ReadJsonAsync()).AsObject();
        using var again = await Client.PostAsJsonAsync($"/api/team/members/{first}/deactivate", new { reason = "Retry" });
        var after = await OnCallAsync(rotation, at);
        using var rotationView = await Client.GetAsync($"/api/team/rotations/{rotation}");
        var rotationBody = (await rotationView.ReadJsonAsync()).AsObject();

        before.Should().Be(first);
        deactivate.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        ((bool?)body["active"]).Should().BeFalse();
        ((string?)body["deactivatedBy"]).Should().Be(ApiFactory.DefaultUser);
        ((string?)body["deactivationReason"]).Should().Be("Long leave");
        body["deactivatedAt"].Should().NotBeNull();
        ((string?)(await again.ReadJsonAsync())["deactivationReason"]).Should().Be("Long leave", "deactivating twice changes nothing");
        after.Should().Be(second, "the next member covers a deactivated member's turn");
        rotationBody["inactiveMemberIds"]!.AsArray().Select(x => (string?)x).Should().Equal(first);
        rotationBody["memberIds"]!.AsArray().Select(x => (string?)x).Should().Equal(first, second);
        Directory.Roster.Find(first)!.Active.Should().BeFalse("the member stays on the roster for history");
        Directory.Rotations.Single(r => r.Id == rotation).InactiveMemberIds.Should().Contain(first);
    }

    [Fact]
    public async Task Reactivate_DeactivatedMember_BackOnCallAndTheReactivationRecorded()
    {
        var first = await CreateMemberAsync();
        var second = await CreateMemberAsync();
        var rotation = await CreateRotationAsync(first, second);
        using var deactivate = await Client.PostAsJsonAsync($"/api/team/members/{first}/deactivate", new { });

        using var lead = host.Factory.CreateClientAs("lead");
        using var reactivate = await lead.PostAsJsonAsync($"/api/team/members/{first}/reactivate", new { });
        var body = (await reactivate.ReadJsonAsync()).AsObject();

        deactivate.StatusCode.Should().Be(HttpStatusCode.OK);
        reactivate.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        ((bool?)body["active"]).Should().BeTrue();
        ((string?)body["reactivatedBy"]).Should().Be("lead");
        ((string?)body["deactivatedBy"]).Should().Be(ApiFactory.DefaultUser, "the last deactivation stays on record");
        (await OnCallAsync(rotation, Anchor.AddDays(2))).Should().Be(first);
        Directory.Roster.IsActive(first).Should().BeTrue();
    }

    [Fact]
    public async Task Deactivate_ByAResponderOrUnknownMemberOrOverlongReason_RefusedWithProblem()
    {
        var id = await CreateMemberAsync();
        using var responder = host.Factory.CreateClientAs("responder");

        using var forbidden = await responder.PostAsJsonAsync($"/api/team/members/{id}/deactivate", new { });
        using var missing = await Client.PostAsJsonAsync("/api/team/members/nobody-here/deactivate", new { });
        using var missingBack = await Client.PostAsJsonAsync("/api/team/members/nobody-here/reactivate", new { });
        using var tooLong = await Client.PostAsJsonAsync($"/api/team/members/{id}/deactivate", new { reason = new string('x', 401) });

        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await missingBack.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var problem = await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((string?)problem["detail"]).Should().Contain("reason");
        Directory.Roster.IsActive(id).Should().BeTrue();
    }

    [Fact]
    public async Task Delete_MemberInHistory_ConflictPointingToDeactivation()
    {
        var id = await CreateMemberAsync();
        using (var scope = host.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            // A delivery that failed for good: history, nothing the dispatcher would pick up.
            db.NotificationDeliveries.Add(new NotificationDeliveryRecord
            {
                DedupKey = NewId("n"),
                IncidentId = "inc",
                InstanceId = "inc",
                RecipientId = id,
                Channel = "Email",
                Subject = "s",
                Text = "t",
                AckUrl = "http://localhost/ack",
                Status = "Failed",
                CreatedAt = Anchor,
                UpdatedAt = Anchor,
            });
            await db.SaveChangesAsync();
        }

        using var delete = await Client.DeleteAsync($"/api/team/members/{id}");
        using var get = await Client.GetAsync($"/api/team/members/{id}");

        var problem = await delete.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        ((string?)problem["detail"]).Should().Contain("1 notification(s)").And.Contain($"/api/team/members/{id}/deactivate");
        get.StatusCode.Should().Be(HttpStatusCode.OK, "the member is still there");
        Directory.Roster.Contains(id).Should().BeTrue();
    }

    [Fact]
    public async Task Override_ToADeactivatedMember_ProblemAndNobodySwapped()
    {
        var first = await CreateMemberAsync();
        var gone = await CreateMemberAsync();
        var rotation = await CreateRotationAsync(first);
        using var deactivate = await Client.PostAsJsonAsync($"/api/team/members/{gone}/deactivate", new { });

        using var swap = await Client.PostAsJsonAsync($"/api/team/rotations/{rotation}/overrides",
            new { memberId = gone, from = Anchor, until = Anchor.AddDays(1) });

        var problem = await swap.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((string?)problem["detail"]).Should().Contain(gone).And.Contain("active team member");
        (await OnCallAsync(rotation, Anchor.AddHours(1))).Should().Be(first);
    }
}
