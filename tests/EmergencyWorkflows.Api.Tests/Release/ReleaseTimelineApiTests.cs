using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Release;

/// <summary>Announcements reach the affected employees, every delivery lands on the timeline, templates are Liquid.</summary>
[Collection(IncidentHostCollection.Name)]
public sealed class ReleaseTimelineApiTests(IncidentHost host)
{
    [Fact]
    public async Task Announcement_ReporterIsAnEmployee_InTheirInboxAndEveryDeliveryOnTheTimeline()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var employee2 = host.Factory.CreateClientAs("employee2");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report()))["id"]!;

        var published = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements",
            new { message = "Everyone is safe.", channels = new[] { "BulletinBoard", "Email" }, language = "en", kind = "ProgressUpdate" });

        published.Status.Should().Be(HttpStatusCode.Created, published.Body.ToJsonString());
        var inbox = await Settle.UntilAsync(() => employee.GetFromJsonAsync<JsonArray>("/api/inbox")!, i => i!.Any(x => (string?)x!["incidentId"] == id),
            TimeSpan.FromSeconds(20), "the reporter's in-app copy");
        inbox!.Single(x => (string?)x!["incidentId"] == id)!["subject"]!.ToString().Should().Be("[Personnel safety] Building A, 3rd floor (ungraded)");
        (await employee2.GetFromJsonAsync<JsonArray>("/api/inbox"))!.Should().NotContain(x => (string?)x!["incidentId"] == id, "employee2 is not affected");

        // The reporter has no email address on record: that delivery fails for good, and the timeline says so too.
        var incident = await IncidentHost.WhenTimelineAsync(lead, id, t => t.Count(e => (string)e["kind"]! == "Notification") >= 2, "both deliveries recorded");
        var lines = IncidentHost.Timeline(incident).Where(t => t.Kind == "Notification").Select(t => t.Summary).ToList();
        lines.Should().Contain(l => l.StartsWith("Notification (announcement:", StringComparison.Ordinal)
            && l.EndsWith("sent to employee via InApp: [Personnel safety] Building A, 3rd floor (ungraded)", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Notification (announcement:", StringComparison.Ordinal)
            && l.EndsWith("to employee via Email failed for good after 1 attempt(s).", StringComparison.Ordinal));
        incident["timeline"]!.ToJsonString().Should().NotContain("13812345678", "the reporter's phone never lands on the timeline");
    }

    [Fact]
    public async Task Publish_TemplateThatDoesNotParse_400WithTheParserMessageAndNothingPublished()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 3);

        var bad = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements",
            new { message = "x", channels = new[] { "BulletinBoard" }, bodyTemplate = "Status: {{ status " });
        var badTitle = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements",
            new { message = "x", channels = new[] { "BulletinBoard" }, titleTemplate = "{% if grade %}unclosed" });

        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)bad.Body["detail"]!).Should().StartWith("'bodyTemplate' is not a valid Liquid template: ");
        badTitle.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)badTitle.Body["detail"]!).Should().StartWith("'titleTemplate' is not a valid Liquid template: ");
        (await lead.GetFromJsonAsync<JsonArray>($"/api/incidents/{id}/announcements"))!.Should().BeEmpty();
    }

    [Fact]
    public async Task Publish_HostileMessage_PlainBodyKeepsTheTextAndHtmlBodyEncodesIt()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 2);

        var published = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements", new
        {
            message = "<script>alert('x')</script> 已恢复",
            channels = new[] { "InternalNotice" },
            titleTemplate = "{{ level }} / {{ grade | plus: 1 }}",
            bodyTemplate = "<p>{{ message }}</p>{% if grade == 2 %}<p>{{ summary }}</p>{% endif %}",
        });

        published.Status.Should().Be(HttpStatusCode.Created, published.Body.ToJsonString());
        ((string)published.Body["title"]!).Should().Be("Level 2 / 3", "Liquid filters and the incident's fields work");
        ((string)published.Body["body"]!).Should().Be("<p><script>alert('x')</script> 已恢复</p><p>A colleague slipped on the stairs</p>");
        ((string)published.Body["bodyHtml"]!).Should().Be(
            "<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; 已恢复</p><p>A colleague slipped on the stairs</p>",
            "the template's markup stays, every value is encoded");
    }

    [Theory]
    [InlineData("zh", "【投诉纠纷处理进展】Level 3")]
    [InlineData("en", "[Complaint / dispute update] Level 3")]
    public async Task Template_BuiltInPerCategoryAndLanguage_Renders(string language, string title)
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.HandlingAsync(lead, grade: 3, category: "complaint-dispute");

        var published = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/announcements",
            new { message = "Resolved with the customer.", channels = new[] { "BulletinBoard" }, language });

        published.Status.Should().Be(HttpStatusCode.Created, published.Body.ToJsonString());
        ((string)published.Body["title"]!).Should().Be(title);
        ((string)published.Body["body"]!).Should().Contain("Building A, 3rd floor").And.Contain("Handling").And.EndWith("Resolved with the customer.");
    }
}
