using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Notifications;

public class NotificationDeliveryTests(DeliveryHost host) : IClassFixture<DeliveryHost>
{
    private static readonly Uri AckUrl = new("https://ew.example/api/ack?t=signed-token");

    private static string NewIncident() => "INC-" + Guid.NewGuid().ToString("N")[..8];

    private static Notification Notify(string incident, string recipient, NotificationChannel channel, int tier = 1, int repetition = 1) =>
        new(incident, tier, repetition, recipient, channel, "[Grade 1] Fire alarm, building B", "Evacuate floor 3 and report at the assembly point.", AckUrl);

    private static IEnumerable<JsonObject> Deliveries(JsonObject view) => view["deliveries"]!.AsArray().Select(d => d!.AsObject());

    private static bool AllFinal(JsonObject view, int count) =>
        view["deliveries"] is JsonArray list && list.Count == count
        && list.All(d => (string?)d!["status"] is "Delivered" or "Failed");

    [Fact]
    public async Task Outbox_EmailNotification_ReachesTheRealSmtpServerAndIsRecordedDelivered()
    {
        var (member, email, _) = await host.CreateMemberAsync();
        var incident = NewIncident();

        await host.EnqueueAsync(Notify(incident, member, NotificationChannel.Email), "wi-" + incident);
        var view = await host.NotificationsWhenAsync(incident, v => AllFinal(v, 1), "the email delivery completes");
        var mail = await host.Smtp.WaitForMessageToAsync(email, TimeSpan.FromSeconds(10));

        var delivery = Deliveries(view).Single();
        ((string?)delivery["status"]).Should().Be("Delivered", delivery.ToJsonString());
        ((int?)delivery["attempts"]).Should().Be(1);
        ((string?)delivery["instanceId"]).Should().Be("wi-" + incident);
        ((int?)delivery["attemptLog"]![0]!["statusCode"]).Should().Be(250);
        mail.Message.Subject.Should().Be("[Grade 1] Fire alarm, building B");
        mail.Message.TextBody.Should().Contain("Evacuate floor 3").And.Contain(AckUrl.AbsoluteUri).And.Contain("Acknowledge");
        mail.Message.Headers["X-Emergency-Dedup-Key"].Should().Be(Notify(incident, member, NotificationChannel.Email).DedupKey);
        mail.Message.From.Mailboxes.Single().Address.Should().Be("emergency@example.com");
        host.Sink.Events.Select(e => e.RenderMessage(CultureInfo.InvariantCulture)).Should().NotContain(m => m.Contains(email, StringComparison.OrdinalIgnoreCase),
            "recipient addresses are masked in logs");
        host.Sink.Events.Should().Contain(e => e.RenderMessage(CultureInfo.InvariantCulture).Contains(incident, StringComparison.Ordinal) && e.RenderMessage(CultureInfo.InvariantCulture).Contains("Delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handler_SameMessageRunTwiceConcurrently_OneEmailAndOneAttempt()
    {
        var (member, email, _) = await host.CreateMemberAsync();
        var incident = NewIncident();
        var message = DeliveryHost.Message(Notify(incident, member, NotificationChannel.Email), "wi-" + incident);
        var handler = host.NotifyHandler;

        await Task.WhenAll(
            Task.Run(() => handler.HandleAsync(message, CancellationToken.None)),
            Task.Run(() => handler.HandleAsync(message, CancellationToken.None)));
        await handler.HandleAsync(message, CancellationToken.None);
        var view = await host.NotificationsWhenAsync(incident, v => AllFinal(v, 1), "the delivery completes");

        host.MessagesTo(email).Should().Be(1);
        var delivery = Deliveries(view).Single();
        ((string?)delivery["status"]).Should().Be("Delivered");
        ((int?)delivery["attempts"]).Should().Be(1);
        delivery["attemptLog"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Webhooks_EachPlatform_ReceivesItsOwnMessageFormatWithTheMention()
    {
        var (member, _, phone) = await host.CreateMemberAsync();
        var incident = NewIncident();
        var handler = host.NotifyHandler;
        NotificationChannel[] channels = [NotificationChannel.WeCom, NotificationChannel.DingTalk, NotificationChannel.Feishu, NotificationChannel.Slack, NotificationChannel.GenericWebhook];

        foreach (var channel in channels)
        {
            await handler.HandleAsync(DeliveryHost.Message(Notify(incident, member, channel), "wi-" + incident), CancellationToken.None);
        }

        var view = await host.NotificationsWhenAsync(incident, v => AllFinal(v, channels.Length), "every webhook delivery completes");
        Deliveries(view).Select(d => (string?)d["status"]).Should().AllBe("Delivered", view.ToJsonString());
        JsonObject Body(string path) => JsonNode.Parse(host.Robots.Requests.Single(r => r.Target.StartsWith(path, StringComparison.Ordinal) && r.Body.Contains(member, StringComparison.Ordinal)).Body)!.AsObject();

        var wecom = Body("/wecom?key=secret");
        ((string?)wecom["msgtype"]).Should().Be("text");
        ((string?)wecom["text"]!["content"]).Should().Contain("Evacuate floor 3").And.Contain(AckUrl.AbsoluteUri);
        wecom["text"]!["mentioned_list"]!.AsArray().Select(x => (string?)x).Should().Equal("wc-" + member);
        wecom["text"]!["mentioned_mobile_list"]!.AsArray().Select(x => (string?)x).Should().Equal(phone);

        var dingtalk = Body("/dingtalk");
        ((string?)dingtalk["msgtype"]).Should().Be("text");
        dingtalk["at"]!["atMobiles"]!.AsArray().Select(x => (string?)x).Should().Equal(phone);
        ((string?)dingtalk["text"]!["content"]).Should().EndWith("@" + phone);

        var feishu = Body("/feishu");
        ((string?)feishu["msg_type"]).Should().Be("text");
        ((string?)feishu["content"]!["text"]).Should().Contain($"<at user_id=\"ou_{member}\"></at>");

        var slack = Body("/slack");
        ((string?)slack["text"]).Should().Contain($"<@U{member}>");
        ((string?)slack["blocks"]![1]!["elements"]![0]!["url"]).Should().Be(AckUrl.AbsoluteUri);

        var generic = JsonNode.Parse(host.Generic.Requests.Single(r => r.Body.Contains(incident, StringComparison.Ordinal)).Body)!.AsObject();
        ((string?)generic["incidentId"]).Should().Be(incident);
        ((string?)generic["dedupKey"]).Should().Be(Notify(incident, member, NotificationChannel.GenericWebhook).DedupKey);
        ((int?)generic["tier"]).Should().Be(1);
    }

    [Fact]
    public async Task Webhook_ReceiverKeepsFailing_RetriedWithBackoffThenFailureReportedOnTheIncident()
    {
        var (member, _, _) = await host.CreateMemberAsync();
        var incident = NewIncident();
        host.Generic.Status = 503;
        JsonObject view;
        try
        {
            await host.EnqueueAsync(Notify(incident, member, NotificationChannel.GenericWebhook, tier: 2), "wi-" + incident);
            view = await host.NotificationsWhenAsync(incident, v => AllFinal(v, 1), "the failing webhook runs out of retries");
        }
        finally
        {
            host.Generic.Status = 200;
        }

        var delivery = Deliveries(view).Single();
        ((string?)delivery["status"]).Should().Be("Failed");
        ((int?)delivery["attempts"]).Should().Be(DeliveryHost.MaxAttempts);
        ((string?)delivery["lastError"]).Should().Contain("HTTP 503");
        var log = delivery["attemptLog"]!.AsArray().Select(a => a!.AsObject()).ToList();
        log.Select(a => (string?)a["outcome"]).Should().Equal("RetryScheduled", "RetryScheduled", "Failed");
        log.Select(a => (int?)a["statusCode"]).Should().AllBeEquivalentTo(503);
        for (var i = 1; i < log.Count; i++)
        {
            var gap = (DateTimeOffset)log[i]["startedAt"]! - (DateTimeOffset)log[i - 1]["finishedAt"]!;
            gap.Should().BeGreaterThanOrEqualTo(DeliveryHost.RetryDelay, "a retry waits for its backoff");
        }

        host.Generic.Requests.Count(r => r.Body.Contains(incident, StringComparison.Ordinal)).Should().Be(DeliveryHost.MaxAttempts);
        ((int?)view["summary"]!["failed"]).Should().Be(1);
        using var failedOnly = await host.Client.GetAsync($"/api/incidents/{incident}/notifications?failedOnly=true");
        (await failedOnly.ReadJsonAsync())["deliveries"]!.AsArray().Should().ContainSingle();
        host.Sink.Events.Should().Contain(e => e.Level == Serilog.Events.LogEventLevel.Warning
            && e.RenderMessage(CultureInfo.InvariantCulture).Contains(incident, StringComparison.Ordinal) && e.RenderMessage(CultureInfo.InvariantCulture).Contains("failed for good", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_ReceiverRecovers_DeliveredOnARetry()
    {
        var (member, _, _) = await host.CreateMemberAsync();
        var incident = NewIncident();
        host.Generic.Status = 500;
        try
        {
            await host.NotifyHandler.HandleAsync(DeliveryHost.Message(Notify(incident, member, NotificationChannel.GenericWebhook), "wi-" + incident), CancellationToken.None);
        }
        finally
        {
            host.Generic.Status = 200;
        }

        var view = await host.NotificationsWhenAsync(incident, v => AllFinal(v, 1), "the retry delivers");

        var delivery = Deliveries(view).Single();
        ((string?)delivery["status"]).Should().Be("Delivered");
        ((int?)delivery["attempts"]).Should().Be(2);
        delivery["attemptLog"]!.AsArray().Select(a => (string?)a!["outcome"]).Should().Equal("RetryScheduled", "Delivered");
    }

    [Fact]
    public async Task InApp_Notification_InTheMembersInboxUntilMarkedRead()
    {
        var (member, _, _) = await host.CreateMemberAsync();
        var incident = NewIncident();
        var notification = Notify(incident, member, NotificationChannel.InApp);

        await host.EnqueueAsync(notification, "wi-" + incident);
        await host.NotificationsWhenAsync(incident, v => AllFinal(v, 1), "the in-app delivery completes");
        using var inbox = await host.Client.GetAsync($"/api/inbox?memberId={member}");
        var items = (await inbox.ReadJsonAsync()).AsArray();
        using var read = await host.Client.PostAsJsonAsync("/api/inbox/read", new { memberId = member, itemIds = new[] { notification.DedupKey } });
        using var unread = await host.Client.GetAsync($"/api/inbox?memberId={member}&unreadOnly=true");
        using var otherMember = await host.Client.PostAsJsonAsync("/api/inbox/read", new { memberId = "someone-else", itemIds = new[] { notification.DedupKey } });

        var item = items.Should().ContainSingle().Subject!.AsObject();
        ((string?)item["id"]).Should().Be(notification.DedupKey);
        ((string?)item["incidentId"]).Should().Be(incident);
        ((string?)item["ackUrl"]).Should().Be(AckUrl.AbsoluteUri);
        item["readAt"].Should().BeNull();
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        ((int?)(await read.ReadJsonAsync())["marked"]).Should().Be(1);
        (await unread.ReadJsonAsync()).AsArray().Should().BeEmpty();
        await otherMember.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OverdueNotices_TwoTasksSameRecipientTierAndChannel_BothDelivered()
    {
        var (member, _, _) = await host.CreateMemberAsync();
        var incident = NewIncident();
        var first = Overdue(incident, member, "task-1");
        var second = Overdue(incident, member, "task-2");

        await host.NotifyHandler.HandleAsync(DeliveryHost.Message(first, "wi-" + incident), CancellationToken.None);
        await host.NotifyHandler.HandleAsync(DeliveryHost.Message(second, "wi-" + incident), CancellationToken.None);
        var view = await host.NotificationsWhenAsync(incident, v => AllFinal(v, 2), "both overdue notices complete");

        first.DedupKey.Should().NotBe(second.DedupKey, "the topic names the task");
        Deliveries(view).Select(d => ((string?)d["topic"], (string?)d["status"])).Should().BeEquivalentTo(new[]
        {
            ("task-overdue:task-1", "Delivered"), ("task-overdue:task-2", "Delivered"),
        });
        using var inbox = await host.Client.GetAsync($"/api/inbox?memberId={member}");
        (await inbox.ReadJsonAsync()).AsArray().Select(i => (string?)i!["id"]).Should().BeEquivalentTo([first.DedupKey, second.DedupKey]);
    }

    [Fact]
    public async Task OverdueNotice_SameNoticeHandledTwice_DeliveredOnce()
    {
        var (member, _, _) = await host.CreateMemberAsync();
        var incident = NewIncident();
        var notice = Overdue(incident, member, "task-1");
        var again = Overdue(incident, member, "task-1");

        await host.NotifyHandler.HandleAsync(DeliveryHost.Message(notice, "wi-" + incident), CancellationToken.None);
        await host.NotificationsWhenAsync(incident, v => AllFinal(v, 1), "the overdue notice completes");
        await host.NotifyHandler.HandleAsync(DeliveryHost.Message(again, "wi-" + incident), CancellationToken.None);
        var view = await host.NotificationsWhenAsync(incident, v => AllFinal(v, 1), "the repeat changes nothing");

        var delivery = Deliveries(view).Single();
        ((string?)delivery["topic"]).Should().Be("task-overdue:task-1");
        ((int?)delivery["attempts"]).Should().Be(1, "the second message found the notice delivered and sent nothing");
        using var inbox = await host.Client.GetAsync($"/api/inbox?memberId={member}");
        (await inbox.ReadJsonAsync()).AsArray().Should().ContainSingle();
    }

    private static Notification Overdue(string incident, string member, string taskId) =>
        new(incident, 0, 0, member, NotificationChannel.InApp, $"Task {taskId} is overdue", "Due an hour ago.", AckUrl, NotificationTopics.TaskOverdue(taskId));

    [Fact]
    public async Task UnknownRecipient_RetriedThenRecordedAsFailed()
    {
        var incident = NewIncident();

        await host.NotifyHandler.HandleAsync(DeliveryHost.Message(Notify(incident, "left-the-company", NotificationChannel.Email), "wi-" + incident), CancellationToken.None);
        var view = await host.NotificationsWhenAsync(incident, v => AllFinal(v, 1), "the unknown recipient runs out of retries");

        var delivery = Deliveries(view).Single();
        ((string?)delivery["status"]).Should().Be("Failed");
        ((string?)delivery["lastError"]).Should().Contain("'left-the-company' is not on the emergency team");
    }

    [Fact]
    public async Task Directory_MemberWrittenByAnotherNode_SeenAfterARefreshAndNotified()
    {
        var id = "m-" + Guid.NewGuid().ToString("N")[..8];
        var email = id + "@example.com";
        var incident = NewIncident();
        var contexts = host.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // Written straight to the database, as another node's API would: this node's copy does not know it yet.
            db.TeamMembers.Add(TeamMapping.ToRecord(
                new TeamMember(id, "李四", "IT", [TeamRoles.Responder], new ContactChannels(null, email)), 1000, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var directory = host.Services.GetRequiredService<IEmergencyDirectory>();
        await Settle.UntilAsync(() => Task.FromResult(directory.Roster.Contains(id)), seen => seen, TimeSpan.FromSeconds(10), "the refresh loop loads the new member");
        await host.EnqueueAsync(Notify(incident, id, NotificationChannel.Email), "wi-" + incident);
        var view = await host.NotificationsWhenAsync(incident, v => AllFinal(v, 1), "the email to the new member completes");

        ((string?)Deliveries(view).Single()["status"]).Should().Be("Delivered");
        (await host.Smtp.WaitForMessageToAsync(email, TimeSpan.FromSeconds(10))).Message.Subject.Should().Contain("Fire alarm");
    }

    [Fact]
    public async Task Notifications_UnknownIncidentOrBadInboxQuery_Problems()
    {
        using var incident = await host.Client.GetAsync("/api/incidents/no-such-incident/notifications");
        using var employee = host.Factory.CreateClientAs("employee");
        using var inbox = await employee.GetAsync("/api/inbox?memberId=m-responder");
        using var read = await host.Client.PostAsJsonAsync("/api/inbox/read", new { memberId = "x", itemIds = Array.Empty<string>() });

        await incident.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await inbox.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await read.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
