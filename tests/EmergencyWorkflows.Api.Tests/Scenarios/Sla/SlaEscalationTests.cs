using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EmergencyWorkflows.Api.Tests.Scenarios.Sla;

/// <summary>
/// The response SLA and escalation in the real host: SQLite, Hangfire waking the timer bookmarks, the SLA set to 2 s by
/// configuration. Waits poll with a deadline (Settle); nothing sleeps a fixed time.
/// </summary>
public class SlaEscalationTests(SlaHost host, ITestOutputHelper output) : IClassFixture<SlaHost>
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private HttpClient Client => host.Client;

    [Fact]
    public async Task Breach_NotifiesTier1WithinASecondOfTheDeadline_AndTier2AfterItsDelay()
    {
        var id = await StartAsync(grade: 1);
        var deadline = (await GetSlaAsync(id))["deadline"]!.GetValue<DateTimeOffset>();

        var tier1 = await NotificationsAsync(id, tier: 1, "tier 1 notified after the breach");
        var tier2 = await NotificationsAsync(id, tier: 2, "tier 2 notified after its delay");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tier 1 committed {(tier1.Max(n => n.CreatedAt) - deadline).TotalMilliseconds:F0} ms after the deadline; tier 2 {(tier2.Min(n => n.CreatedAt) - deadline.AddSeconds(2)).TotalMilliseconds:F0} ms after its due time"));
        tier1.Select(n => (string)n.Payload["recipientId"]!).Should().OnlyContain(r => r == "r1");
        tier1.Select(n => (string)n.Payload["channel"]!).Should().BeEquivalentTo("Email", "InApp");
        (tier1.Max(n => n.CreatedAt) - deadline).Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThanOrEqualTo(Prompt);
        tier2.Select(n => (string)n.Payload["recipientId"]!).Should().OnlyContain(r => r == "lead");
        (tier2.Min(n => n.CreatedAt) - deadline.AddSeconds(2)).Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThanOrEqualTo(Prompt);
        foreach (var (payload, _, messageId) in tier1.Concat(tier2))
        {
            messageId.Should().Be(NotificationOutbox.MessageId(NotificationOutbox.FromPayload(payload).Notification));
        }

        var sla = await GetSlaAsync(id);
        ((string?)sla["state"]).Should().Be("Breached");
        sla["escalations"]!.AsArray().Select(r => (int)r!["tier"]!).Should().Equal(1, 2);
        ((string?)sla["policy"]!["id"]).Should().Be("grade-1");
    }

    [Fact]
    public async Task Acknowledge_BeforeTheDeadline_SlaMetTimersCancelledAndNobodyNotified()
    {
        var acknowledged = await StartAsync(grade: 1);
        var control = await StartAsync(grade: 1);

        using var response = await Client.PostAsJsonAsync($"/api/incidents/{acknowledged}/acknowledge",
            new { by = "张三", note = "remote response started" });
        var answer = (await response.ReadJsonAsync()).AsObject();

        response.StatusCode.Should().Be(HttpStatusCode.OK, answer.ToJsonString());
        ((bool)answer["alreadyRecorded"]!).Should().BeFalse();
        ((string?)answer["sla"]!["state"]).Should().Be("Met");
        ((string?)answer["sla"]!["responses"]![0]!["by"]).Should().Be("张三");
        answer["sla"]!["timeToAcknowledge"].Should().NotBeNull();
        host.PendingTimers(acknowledged).Should().Be(0, "the deadline timer is cancelled in the same commit");

        // The control incident started later; once it has breached and escalated, the acknowledged one's deadline is past too.
        await NotificationsAsync(control, tier: 1, "the control incident breaches");
        host.Notifications(acknowledged).Should().BeEmpty();
        ((string?)(await GetSlaAsync(acknowledged))["state"]).Should().Be("Met");
        host.Factory.Sink.Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)).Should().NotContain(m => m.Contains("张三", StringComparison.Ordinal), "names are masked in logs");
    }

    [Fact]
    public async Task Acknowledge_Twice_SecondAnswerIsIdempotentAndSaysSo()
    {
        var id = await StartAsync(grade: 1);
        using var first = await Client.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { by = "lead" });
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        using var second = await Client.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { by = "lead" });
        var answer = (await second.ReadJsonAsync()).AsObject();

        second.StatusCode.Should().Be(HttpStatusCode.OK, answer.ToJsonString());
        ((bool)answer["alreadyRecorded"]!).Should().BeTrue();
        ((string?)answer["message"]).Should().Contain("already recorded");
        answer["sla"]!["responses"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Arrive_AfterAcknowledgement_RecordsTimeToArriveAndFinishesTheWait()
    {
        var id = await StartAsync(grade: 1);
        using var ack = await Client.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { by = "lead" });
        ack.StatusCode.Should().Be(HttpStatusCode.OK);

        using var arrive = await Client.PostAsJsonAsync($"/api/incidents/{id}/arrive", new { by = "r1", note = "on site" });
        var answer = (await arrive.ReadJsonAsync()).AsObject();

        arrive.StatusCode.Should().Be(HttpStatusCode.OK, answer.ToJsonString());
        answer["sla"]!["arrivedAt"].Should().NotBeNull();
        answer["sla"]!["timeToArrive"].Should().NotBeNull();
        var instance = await Client.GetInstanceAsync(id);
        instance.Bookmarks("Emergency.Response").Should().BeEmpty("the arrival was the last response the flow waited for");
    }

    [Fact]
    public async Task TierWithNobody_EscalatesToTheNextTierAtOnce_AndItsLinkAcknowledgesOnlyWhenItsButtonIsPressed()
    {
        var id = await StartAsync(grade: 2);
        var deadline = (await GetSlaAsync(id))["deadline"]!.GetValue<DateTimeOffset>();

        var tier2 = await NotificationsAsync(id, tier: 2, "tier 2 notified at once because tier 1 has nobody");

        tier2.Select(n => (string)n.Payload["recipientId"]!).Should().OnlyContain(r => r == "head-it");
        (tier2.Max(n => n.CreatedAt) - deadline).Should().BeLessThanOrEqualTo(Prompt, "the 1 h delay of tier 2 does not apply when tier 1 had nobody");
        host.Notifications(id).Should().OnlyContain(n => (int)n.Payload["tier"]! == 2);

        var link = new Uri((string)tier2[0].Payload["ackUrl"]!);
        using var opened = await Client.GetAsync(link.PathAndQuery);
        var page = await opened.Content.ReadAsStringAsync();
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        opened.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        page.Should().Contain("<form method=\"post\"").And.Contain(id);
        (await GetSlaAsync(id))["responses"]!.AsArray().Should().BeEmpty("opening the link (a mail scanner may) acknowledges nothing");

        using var click = await Client.PostAsync(link.PathAndQuery, null);
        var answer = (await click.ReadJsonAsync()).AsObject();

        click.StatusCode.Should().Be(HttpStatusCode.OK, answer.ToJsonString());
        ((string?)answer["sla"]!["responses"]![0]!["by"]).Should().Be("head-it");
        ((string?)answer["sla"]!["responses"]![0]!["via"]).Should().Be("link");
        using var again = await Client.PostAsync(link.PathAndQuery, null);
        ((bool)(await again.ReadJsonAsync())["alreadyRecorded"]!).Should().BeTrue();
        host.PendingTimers(id).Should().Be(0, "the acknowledgement stopped the escalation");
    }

    [Fact]
    public async Task AckLink_TamperedOrExpired_RefusedWithProblemAndNothingRecorded()
    {
        var id = await StartAsync(grade: 1);
        var signer = host.Factory.Services.GetRequiredService<AckLinkSigner>();
        var valid = signer.CreateToken(id, "lead", DateTimeOffset.UtcNow.AddHours(1));
        var tampered = signer.CreateToken("someone-else", "lead", DateTimeOffset.UtcNow.AddHours(1)).Split('.')[0] + "." + valid.Split('.')[1];
        var expired = signer.CreateToken(id, "lead", DateTimeOffset.UtcNow.AddMinutes(-1));

        using var tamperedAnswer = await Client.GetAsync($"/api/ack?t={tampered}");
        using var expiredAnswer = await Client.PostAsync($"/api/ack?t={expired}", null);
        using var missing = await Client.GetAsync("/api/ack");

        ((string?)(await tamperedAnswer.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["detail"]).Should().Contain("not valid");
        ((string?)(await expiredAnswer.ShouldBeProblemAsync(HttpStatusCode.Gone))["detail"]).Should().Contain("expired");
        await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await GetSlaAsync(id))["responses"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task AckLink_ButtonPressedInABrowser_RecordsAndAnswersWithAPage()
    {
        var id = await StartAsync(grade: 1);
        var signer = host.Factory.Services.GetRequiredService<AckLinkSigner>();
        var token = signer.CreateToken(id, "lead", DateTimeOffset.UtcNow.AddHours(1));

        using var form = new FormUrlEncodedContent([]);
        using var pressed = await Client.PostAsync($"/api/ack?t={Uri.EscapeDataString(token)}", form);
        var page = await pressed.Content.ReadAsStringAsync();

        pressed.StatusCode.Should().Be(HttpStatusCode.OK, page);
        pressed.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        page.Should().Contain("Acknowledged").And.Contain($"/incidents/{id}");
        var responses = (await GetSlaAsync(id))["responses"]!.AsArray();
        responses.Should().ContainSingle();
        ((string?)responses[0]!["by"]).Should().Be("lead");
    }

    [Fact]
    public async Task PolicyEditedMidIncident_RunningEscalationKeepsItsSnapshot()
    {
        var id = await StartAsync(grade: 3);
        host.Directory.Edit(new EscalationPolicy("grade-3", "Edited by HR", 2,
            [new EscalationTier(TimeSpan.Zero, [EscalationTarget.Person("head-it")])]));

        await NotificationsAsync(id, tier: 2, "the snapshotted tier 2 still runs");

        host.Notifications(id).Select(n => ((int)n.Payload["tier"]!, (string)n.Payload["recipientId"]!)).Distinct()
            .Should().BeEquivalentTo([(1, "r1"), (2, "lead")]);
        ((int)(await GetSlaAsync(id))["policy"]!["version"]!).Should().Be(1);
    }

    [Fact]
    public async Task IncidentEndpoints_UnknownOrFinishedIncident_ProblemDetails()
    {
        using var sla = await Client.GetAsync("/api/incidents/no-such-incident/sla");
        using var ack = await Client.PostAsJsonAsync("/api/incidents/no-such-incident/acknowledge", new { });
        var id = await StartAsync(grade: 1);
        using var cancel = await Client.PostAsync($"/api/instances/{id}/cancel", null);
        cancel.StatusCode.Should().Be(HttpStatusCode.OK);
        using var arrive = await Client.PostAsJsonAsync($"/api/incidents/{id}/arrive", new { by = "r1" });
        using var tooLong = await Client.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { note = new string('x', 5000) });

        await sla.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await ack.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        ((string?)(await arrive.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]).Should().Contain("finished");
        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<string> StartAsync(int grade)
    {
        var started = await Client.StartAsync("personnel-safety", new { correlationId = Guid.NewGuid().ToString("N"), input = new { grade } });
        return started.Id();
    }

    private async Task<JsonObject> GetSlaAsync(string id)
    {
        using var response = await Client.GetAsync($"/api/incidents/{id}/sla");
        var json = (await response.ReadJsonAsync()).AsObject();
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        return json;
    }

    private async Task<IReadOnlyList<(JsonObject Payload, DateTimeOffset CreatedAt, string Id)>> NotificationsAsync(string id, int tier, string what)
    {
        var rows = await Settle.UntilAsync(
            () => Task.FromResult(host.Notifications(id).Where(n => (int)n.Payload["tier"]! == tier).ToList()),
            rows => rows.Count > 0,
            Patience,
            what);
        return rows;
    }
}
