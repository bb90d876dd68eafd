using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Emergency.Tests.Notifications.Smtp;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Outbox;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Abstractions;

namespace EmergencyWorkflows.Api.Tests.Incidents;

/// <summary>
/// A host whose mail goes to a real SMTP server (aiosmtpd) and whose on-call is known: the graded policies grade-2 and
/// grade-3 start with a rotation of one member, m-responder2 (the development user responder2), while grade-1's first
/// tier names only members who left the roster, so a Level 1 report finds nobody on call and the team leads (hr-lead
/// from appsettings.json and m-lead, the development user lead) are paged. The SLA stays at its 5 minutes: nothing
/// escalates during a test, so every notification seen is the page at report.
/// </summary>
public sealed class PagingHost : IAsyncLifetime, IDisposable
{
    public const string ResponderEmail = "responder2@example.com";
    public const string LeadEmail = "lead@example.com";

    private readonly TempFolder folder = new();
    private ApiFactory? factory;

    public SmtpSinkFixture Smtp { get; } = new();

    public ApiFactory Factory => factory!;

    public async Task InitializeAsync()
    {
        await Smtp.InitializeAsync();
        factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false), settings: new Dictionary<string, string?>
        {
            ["Emergency:Smtp:Host"] = "127.0.0.1",
            ["Emergency:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Emergency:Smtp:Security"] = "None",
            ["Emergency:Delivery:RetrySweepInterval"] = "00:00:00.100",

            // Indexes 20+: configuration merges arrays by index, and appsettings.json has a team and policies of its own.
            ["Emergency:Team:20:Id"] = "m-responder2",
            ["Emergency:Team:20:DisplayName"] = "李四 Li Si",
            ["Emergency:Team:20:Roles:0"] = TeamRoles.Responder,
            ["Emergency:Team:20:Email"] = ResponderEmail,
            ["Emergency:Team:20:Phone"] = "13900001111",
            ["Emergency:Team:21:Id"] = "m-lead",
            ["Emergency:Team:21:DisplayName"] = "王五 Wang Wu",
            ["Emergency:Team:21:Roles:0"] = TeamRoles.TeamLead,
            ["Emergency:Team:21:Email"] = LeadEmail,
            ["Emergency:Rotations:5:Id"] = "page-rotation",
            ["Emergency:Rotations:5:Name"] = "Paging test on-call",
            ["Emergency:Rotations:5:MemberIds:0"] = "m-responder2",
            ["Emergency:Rotations:5:HandoffAnchor"] = "2026-01-05T01:00:00Z",
            ["Emergency:Rotations:5:Period"] = "7.00:00:00",

            // appsettings.json's policies: 1 = grade-1 (two targets in its first tier), 2 = grade-2, 3 = grade-3.
            ["Emergency:Policies:1:Tiers:0:Targets:0"] = "person:m-left-the-company",
            ["Emergency:Policies:1:Tiers:0:Targets:1"] = "person:m-also-left",
            ["Emergency:Policies:2:Tiers:0:Targets:0"] = "rotation:page-rotation",
            ["Emergency:Policies:3:Tiers:0:Targets:0"] = "rotation:page-rotation",
        });
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        folder.Dispose();
    }

    // xunit calls DisposeAsync first; this only covers a host that failed half-way through InitializeAsync.
    public void Dispose()
    {
        factory?.Dispose();
        folder.Dispose();
    }

    /// <summary>The mail to <paramref name="recipient"/> whose subject names <paramref name="incidentId"/>, once the SMTP sink has it.</summary>
    public Task<MimeMessage> MailAsync(string recipient, string incidentId) =>
        Settle.UntilAsync(() => Task.FromResult(Mails(recipient, incidentId).FirstOrDefault()), m => m is not null, TimeSpan.FromSeconds(10),
            $"the page to {recipient} about {incidentId} reaches the SMTP server")!;

    public List<MimeMessage> Mails(string recipient, string incidentId) =>
    [
        .. Directory.EnumerateFiles(Smtp.Directory, "*.eml")
            .Where(eml => File.ReadAllLines(Path.ChangeExtension(eml, ".env")).Skip(1).Contains(recipient, StringComparer.OrdinalIgnoreCase))
            .Select(eml => MimeMessage.Load(eml))
            .Where(m => m.Subject?.Contains(incidentId, StringComparison.Ordinal) == true),
    ];

    public async Task<T> DbAsync<T>(Func<WorkflowsDbContext, Task<T>> query)
    {
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>The incident's notifications as the API shows them, once <paramref name="settled"/> holds.</summary>
    public static Task<List<JsonObject>> DeliveriesWhenAsync(HttpClient client, string id, Func<List<JsonObject>, bool> settled, string what) =>
        Settle.UntilAsync(
            async () =>
            {
                using var response = await client.GetAsync($"/api/incidents/{id}/notifications");
                return response.StatusCode == HttpStatusCode.OK
                    ? (await response.ReadJsonAsync())["deliveries"]!.AsArray().Select(d => d!.AsObject()).ToList()
                    : [];
            },
            settled,
            TimeSpan.FromSeconds(15),
            what);

    public static bool AllFinal(List<JsonObject> deliveries, int count) =>
        deliveries.Count == count && deliveries.All(d => (string?)d["status"] is "Delivered" or "Failed");
}

public sealed partial class PageAtReportTests(PagingHost host, ITestOutputHelper output) : IClassFixture<PagingHost>
{
    [Fact]
    public async Task Report_OnCallResponder_EmailedAtOnceWithAWorkingAcknowledgeLink()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        using var anonymous = host.Factory.CreateAnonymousClient();

        var clock = Stopwatch.StartNew();
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report()))["id"]!;
        var accepted = clock.Elapsed;
        var mail = await host.MailAsync(PagingHost.ResponderEmail, id);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"201 after {accepted.TotalMilliseconds:F0} ms; the page's email reached the SMTP server {clock.Elapsed.TotalMilliseconds:F0} ms after the report was sent"));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the on-call hears of a report at once, not at the 5-minute breach");
        mail.Subject.Should().Contain(id).And.Contain("New report");
        var link = AckLink().Match(mail.TextBody ?? string.Empty);
        link.Success.Should().BeTrue(mail.TextBody);
        var ack = new Uri(link.Value);

        using var page = await anonymous.GetAsync(ack.PathAndQuery);
        (await page.Content.ReadAsStringAsync()).Should().Contain(id, "the link opens the confirmation page for this incident");
        using var pressed = await anonymous.PostAsync(ack.PathAndQuery, null);
        pressed.StatusCode.Should().Be(HttpStatusCode.OK, await pressed.Content.ReadAsStringAsync());

        using var slaResponse = await lead.GetAsync($"/api/incidents/{id}/sla");
        var sla = await slaResponse.ReadJsonAsync();
        ((string?)sla["state"]).Should().Be("Met", "acknowledging from the page's link meets the SLA and stops the escalation before it starts");
        sla["responses"]!.AsArray().Select(r => (string?)r!["by"]).Should().Equal("m-responder2");
        var incident = await IncidentHost.GetAsync(lead, id);
        IncidentHost.Timeline(incident).Should().Contain(("Notification", "Paged at report (tier 0): m-responder2 on call; 2 notification(s).", "system"));
        ((string?)incident["status"]).Should().Be("Responding");
    }

    [Fact]
    public async Task Report_PagedResponder_IsAParticipantAndOpensTheIncidentOnceAnswered()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        using var responder = host.Factory.CreateClientAs("responder");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report("service-interruption", "The printer queue is stuck")))["id"]!;

        // Committed with the report, before the answer: the participant, the timeline line and every outbox message.
        (await host.DbAsync(db => db.IncidentParticipants.Where(p => p.IncidentId == id).Select(p => p.Who + "/" + p.Role).ToListAsync()))
            .Should().Equal("m-responder2/Notified");
        (await host.DbAsync(db => db.Outbox.Where(o => o.InstanceId == id && o.Kind == NotificationOutbox.Kind).Select(o => o.Id).ToListAsync()))
            .Should().BeEquivalentTo(
                $"{NotificationOutbox.Kind}/{id}/report/0/1/m-responder2/Email",
                $"{NotificationOutbox.Kind}/{id}/report/0/1/m-responder2/InApp");

        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);

        (await responder2.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.OK, "the paged on-call works on the incident");
        (await responder.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "once answered, a responder nobody paged does not");
    }

    [Fact]
    public async Task Report_RedeliveredAndRestartedOutbox_PagesOnce()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report(null, "Water on the floor of the server room")))["id"]!;
        await PagingHost.DeliveriesWhenAsync(lead, id, d => PagingHost.AllFinal(d, 2), "the page's email and inbox item are delivered");

        // A redelivery (the outbox handed the same message over again) and a restart that lost the "dispatched" marks.
        var handler = host.Factory.Services.GetServices<IOutboxMessageHandler>().Single(h => h.Kind == NotificationOutbox.Kind);
        var messages = await host.DbAsync(db => db.Outbox.AsNoTracking().Where(o => o.InstanceId == id && o.Kind == NotificationOutbox.Kind).ToListAsync());
        foreach (var message in messages)
        {
            await handler.HandleAsync(new OutboxMessage(message.Id, message.InstanceId, message.Kind, JsonNode.Parse(message.PayloadJson)!.AsObject(), message.CreatedAt),
                CancellationToken.None);
        }

        await host.DbAsync(db => db.Outbox.Where(o => o.InstanceId == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.DispatchedAt, (DateTimeOffset?)null)));
        await Settle.UntilAsync(() => host.DbAsync(db => db.Outbox.CountAsync(o => o.InstanceId == id && o.DispatchedAt == null)), n => n == 0,
            TimeSpan.FromSeconds(10), "the outbox dispatches the page's messages again");

        var deliveries = await PagingHost.DeliveriesWhenAsync(lead, id, d => PagingHost.AllFinal(d, 2), "still two deliveries");
        deliveries.Select(d => ((string?)d["topic"], (int?)d["tier"], (string?)d["recipientId"], (string?)d["channel"], (int?)d["attempts"]))
            .Should().BeEquivalentTo(new[] { ("report", 0, "m-responder2", "Email", 1), ("report", 0, "m-responder2", "InApp", 1) });
        host.Mails(PagingHost.ResponderEmail, id).Should().ContainSingle("the page is mailed once however often its message is handed over");
        IncidentHost.Timeline(await IncidentHost.GetAsync(lead, id)).Count(t => t.Summary.StartsWith("Paged at report", StringComparison.Ordinal))
            .Should().Be(1);
    }

    [Fact]
    public async Task Report_NobodyOnCall_TeamLeadsPagedAndTheTimelineSaysSo()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");

        // Casualties suggest Level 1, whose policy's first tier names only people who left the roster.
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report(casualties: 1)))["id"]!;
        var mail = await host.MailAsync(PagingHost.LeadEmail, id);

        mail.Subject.Should().Contain("Level 1");
        var deliveries = await PagingHost.DeliveriesWhenAsync(lead, id, d => PagingHost.AllFinal(d, 4), "both team leads paged by email and inbox");
        deliveries.Select(d => (string?)d["recipientId"]).Distinct().Should().BeEquivalentTo("hr-lead", "m-lead");
        deliveries.Should().OnlyContain(d => (string?)d["topic"] == "report" && (string?)d["status"] == "Delivered");
        IncidentHost.Timeline(await IncidentHost.GetAsync(lead, id)).Should().Contain(t => t.Kind == "Notification"
            && t.Summary.StartsWith("Nobody is on call right now (the first tier of policy grade-1 resolves to nobody): the team leads were paged instead: ", StringComparison.Ordinal)
            && t.Summary.Contains("hr-lead", StringComparison.Ordinal) && t.Summary.Contains("m-lead", StringComparison.Ordinal));
        host.Mails(PagingHost.ResponderEmail, id).Should().BeEmpty("the rotation is not this grade's first tier");
    }

    [Fact]
    public async Task Report_Logs_NoUnmaskedPersonalData()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report()))["id"]!;
        await PagingHost.DeliveriesWhenAsync(lead, id, d => PagingHost.AllFinal(d, 2), "the page is delivered");

        var logs = host.Factory.Sink.Events.Select(e => e.RenderMessage(CultureInfo.InvariantCulture)).ToList();
        logs.Should().Contain(l => l.Contains(id, StringComparison.Ordinal) && l.Contains("paged at report", StringComparison.Ordinal)
            && l.Contains("m-responder2", StringComparison.Ordinal), "the page is logged by member id");
        logs.Should().NotContain(l => l.Contains(PagingHost.ResponderEmail, StringComparison.OrdinalIgnoreCase)
            || l.Contains("13900001111", StringComparison.Ordinal) || l.Contains("Li Si", StringComparison.Ordinal) || l.Contains("李四", StringComparison.Ordinal)
            || l.Contains("Zhang Wei", StringComparison.Ordinal) || l.Contains("13812345678", StringComparison.Ordinal) || l.Contains("Wang Fang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recategorised_NotificationsEndpoint_ListsWhatEveryInstanceSent()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report(null, "Something odd at the gate")))["id"]!;
        await PagingHost.DeliveriesWhenAsync(lead, id, d => PagingHost.AllFinal(d, 2), "the triage report's page is delivered");
        var moved = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/category", new { category = "personnel-safety", reason = "A visitor fell" });
        moved.Status.Should().Be(HttpStatusCode.OK, moved.Body.ToJsonString());

        // What the re-categorised instance sends (its escalation at the breach) is stored under {id}-personnel-safety.
        var instanceId = $"{id}-personnel-safety";
        var escalation = new Notification(instanceId, 1, 1, "m-responder2", NotificationChannel.InApp, "[Emergency] no response yet (tier 1)",
            "The response deadline passed.", new Uri("http://localhost:5000/api/ack?t=x"));
        await host.DbAsync(db =>
        {
            db.Outbox.Add(new OutboxRecord
            {
                Id = NotificationOutbox.MessageId(escalation),
                InstanceId = instanceId,
                Kind = NotificationOutbox.Kind,
                PayloadJson = NotificationOutbox.ToPayload(escalation, instanceId).ToJsonString(),
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });

        var deliveries = await PagingHost.DeliveriesWhenAsync(lead, id, d => PagingHost.AllFinal(d, 3), "the page and the new instance's escalation, listed together");
        deliveries.Select(d => ((string?)d["topic"], (string?)d["instanceId"], (string?)d["channel"])).Should().BeEquivalentTo(new[]
        {
            ("report", id, "Email"), ("report", id, "InApp"), ("escalation", instanceId, "InApp"),
        });
        var incident = await IncidentHost.WhenTimelineAsync(lead, id,
            t => t.Any(e => ((string)e["summary"]!).StartsWith("Notification (escalation) sent to m-responder2 via InApp", StringComparison.Ordinal)),
            "the new instance's delivery lands on the incident's timeline");
        IncidentHost.Timeline(incident).Should().Contain(t => t.Summary.StartsWith("Notification (report) sent to m-responder2 via Email", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverdueTask_NotifiedPeople_BecomeParticipants()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var lead = host.Factory.CreateClientAs("lead");
        using var responder = host.Factory.CreateClientAs("responder");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report(casualties: 1)))["id"]!;
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);
        (await responder.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "m-responder was neither paged nor told anything yet");

        // The message HumanTask commits with a breach (HumanTaskTests prove its recipients); here: what the host does with it.
        var handler = host.Factory.Services.GetServices<IOutboxMessageHandler>().Single(h => h.Kind == "Emergency.TaskOverdue");
        var message = new OutboxMessage($"task-overdue/{id}:t1", id, handler.Kind, new JsonObject
        {
            ["taskId"] = $"{id}:t1",
            ["title"] = "Evacuate people",
            ["assignee"] = "responder",
            ["due"] = DateTimeOffset.UtcNow.AddMinutes(-1),
            ["notified"] = 2,
            ["recipients"] = new JsonArray("m-responder"),
        }, DateTimeOffset.UtcNow);
        await handler.HandleAsync(message, CancellationToken.None);
        await handler.HandleAsync(message, CancellationToken.None);

        (await responder.GetAsync($"/api/incidents/{id}")).StatusCode.Should().Be(HttpStatusCode.OK, "whoever is told a task is overdue works on the incident");
        (await host.DbAsync(db => db.IncidentParticipants.CountAsync(p => p.IncidentId == id && p.Who == "m-responder" && p.Role == "Notified")))
            .Should().Be(1, "a redelivered message adds nobody twice");
    }

    [GeneratedRegex(@"https?://[^\s/]+/api/ack\?(t|token)=[^\s""<>]+")]
    private static partial Regex AckLink();
}
