using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Release;

[Collection(IncidentHostCollection.Name)]
public sealed class AnnouncementApiTests(IncidentHost host)
{
    [Fact]
    public async Task Resolve_Level1WithoutAnnouncement_Returns409UntilOneIsPublished()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 1);

        var refused = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Resolved" });

        refused.Status.Should().Be(HttpStatusCode.Conflict);
        ((string)refused.Body["detail"]!).Should().Contain("at least one announcement");
        ((string)(await IncidentHost.GetAsync(lead, id))["status"]!).Should().Be("Handling", "a refused move changes nothing");

        var published = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements",
            new { message = "Evacuation finished; the injured colleague is in hospital.", channels = new[] { "InternalNotice", "BulletinBoard" } });
        published.Status.Should().Be(HttpStatusCode.Created, published.Body.ToJsonString());
        var resolved = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Resolved" });
        resolved.Status.Should().Be(HttpStatusCode.OK, resolved.Body.ToJsonString());
        IncidentHost.Steps(resolved.Body).Select(t => t.Kind).TakeLast(2).Should().Equal("Announcement", "Transition");
        IncidentHost.Timeline(resolved.Body).Should().Contain(t => t.Kind == "Announcement" && t.Actor == "lead"
            && t.Summary.Contains("InternalNotice,BulletinBoard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolve_Level2WithoutAnnouncement_IsAllowed()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 2);

        var resolved = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Resolved" });

        resolved.Status.Should().Be(HttpStatusCode.OK, resolved.Body.ToJsonString());
    }

    [Fact]
    public async Task Feed_AnyEmployee_SeesAnnouncementsNewestFirst()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        using var employee2 = host.Factory.CreateClientAs("employee2");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 2);
        var marker = Guid.NewGuid().ToString("N");
        foreach (var text in new[] { $"first {marker}", $"second {marker}" })
        {
            (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new { message = text, channels = new[] { "InternalNotice" }, language = "en" }))
                .Status.Should().Be(HttpStatusCode.Created);
        }

        var feed = (await employee2.GetFromJsonAsync<JsonArray>("/api/announcements"))!;

        var mine = feed.Select(a => (string)a!["body"]!).Where(b => b.Contains(marker, StringComparison.Ordinal)).ToList();
        mine.Should().HaveCount(2, "an employee who is not involved still reads official announcements");
        mine[0].Should().Contain("second", "the feed is newest first");
        var perIncident = (await employee2.GetFromJsonAsync<JsonArray>($"/api/incidents/{id}/announcements"))!;
        perIncident.Select(a => (long)a!["sequence"]!).Should().Equal(2, 1);
    }

    [Fact]
    public async Task Publish_AsEmployeeOrResponder_IsRefusedAndRecordsNothing()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        using var employee = host.Factory.CreateClientAs("employee");
        using var responder = host.Factory.CreateClientAs("responder");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 2);
        var body = new { message = "Not mine to say", channels = new[] { "InternalNotice" } };

        (await IncidentHost.PostAsync(employee, $"/api/incidents/{id}/announcements", body)).Status.Should().Be(HttpStatusCode.Forbidden);
        (await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/announcements", body)).Status.Should().Be(HttpStatusCode.Forbidden);

        (await lead.GetFromJsonAsync<JsonArray>($"/api/incidents/{id}/announcements"))!.Should().BeEmpty();
    }

    [Fact]
    public async Task Publish_BadInput_Returns400WithTheReason()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 3);

        var noChannel = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new { message = "x", channels = Array.Empty<string>() });
        var badChannel = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new { message = "x", channels = new[] { "Fax" } });
        var noMessage = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new { channels = new[] { "Email" } });
        var badLanguage = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new { message = "x", channels = new[] { "Email" }, language = "fr" });
        var missing = await IncidentHost.PostAsync(lead, "/api/incidents/no-such-incident/announcements", new { message = "x", channels = new[] { "Email" } });

        noChannel.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)noChannel.Body["detail"]!).Should().Contain("'channels'");
        badChannel.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)badChannel.Body["detail"]!).Should().Contain("Fax");
        noMessage.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)noMessage.Body["detail"]!).Should().Contain("'message'");
        badLanguage.Status.Should().Be(HttpStatusCode.BadRequest);
        missing.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Template_ConfiguredForCategory_RendersPlaceholdersAndKeepsUnknownOnes()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 2, category: "service-interruption");

        var published = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements",
            new { message = "Mail is back.", channels = new[] { "InternalNotice" }, language = "en", kind = "ProgressUpdate" });

        published.Status.Should().Be(HttpStatusCode.Created, published.Body.ToJsonString());
        ((string)published.Body["title"]!).Should().Be("Service notice: service-interruption, Level 2");
        ((string)published.Body["body"]!).Should().Be("Mail is back. (at Building A, 3rd floor, Handling) {{ unknown }}");
        ((string)published.Body["kind"]!).Should().Be("ProgressUpdate");
    }

    [Fact]
    public async Task Template_BuiltInChineseForTheCategory_RendersIncidentFields()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 3);
        var occurredAt = (await IncidentHost.GetAsync(lead, id))["report"]!["occurredAt"]!.GetValue<DateTimeOffset>();

        var published = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new { message = "现场已处理完毕。", channels = new[] { "BulletinBoard" } });

        published.Status.Should().Be(HttpStatusCode.Created, published.Body.ToJsonString());
        ((string)published.Body["language"]!).Should().Be("zh");
        ((string)published.Body["title"]!).Should().Be("【人员安全通报】Building A, 3rd floor（Level 3）");
        ((string)published.Body["body"]!).Should().Be(
            $"{occurredAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC 在 Building A, 3rd floor 发生人员安全事件，当前状态：Handling。\n现场已处理完毕。");
    }

    [Fact]
    public async Task Publish_WithEmailAndImRecipients_QueuesOneDeliveryPerRecipientAndChannel()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 2);

        var published = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new
        {
            message = "Please work from home today.",
            channels = new[] { "Email", "InstantMessage", "InternalNotice" },
            recipients = new[] { "responder-zhang", "responder-sun" },
        });

        published.Status.Should().Be(HttpStatusCode.Created, published.Body.ToJsonString());
        // Deliveries go through the Emergency.Notify outbox, which the dispatcher polls.
        // The named recipients on both channels; the affected employees too: the reporter (m-lead) and "Wang Fang", who
        // is involved and on the team as hr-lead ("王芳 (Wang Fang)").
        var deliveries = await Settle.UntilAsync(() => AnnouncementDeliveriesAsync(lead, id), d => d.Count >= 8, TimeSpan.FromSeconds(20), "eight announcement deliveries");
        deliveries.Should().BeEquivalentTo(new[]
        {
            ("responder-zhang", "Email"), ("responder-zhang", "InApp"), ("responder-sun", "Email"), ("responder-sun", "InApp"),
            ("m-lead", "Email"), ("m-lead", "InApp"), ("hr-lead", "Email"), ("hr-lead", "InApp"),
        });
    }

    private static async Task<List<(string Recipient, string Channel)>> AnnouncementDeliveriesAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/incidents/{id}/notifications");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        return (await response.ReadJsonAsync())["deliveries"]!.AsArray()
            .Where(d => ((string)d!["topic"]!).StartsWith("announcement:", StringComparison.Ordinal))
            .Select(d => ((string)d!["recipientId"]!, (string)d["channel"]!))
            .ToList();
    }
}
