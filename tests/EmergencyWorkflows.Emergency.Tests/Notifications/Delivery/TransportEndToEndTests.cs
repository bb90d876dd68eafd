using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Emergency.Tests.Notifications.Http;
using EmergencyWorkflows.Emergency.Tests.Notifications.Smtp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Emergency.Tests.Notifications.Delivery;

public sealed class TransportEndToEndTests(SmtpSinkFixture sink) : IClassFixture<SmtpSinkFixture>, IDisposable
{
    private static readonly TeamMember Member = new("r7", "Wang Wu", "IT", [TeamRoles.Responder],
        new ContactChannels("13900002222", "wang.wu@example.com", new Dictionary<ImPlatform, string> { [ImPlatform.WeCom] = "wangwu" }));

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _http.Dispose();

    private static Notification On(NotificationChannel channel) =>
        new("INC-77", 1, 1, Member.Id, channel, "INC-77 unanswered", "Please respond", new Uri("https://ew.example.com/ack?token=abc"));

    [Fact]
    public async Task Email_DispatchedTwice_OneMessageArrivesAtTheRealSmtpServer()
    {
        var smtp = new SmtpEmailSender(
            new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None, FromAddress = "ew@example.com" },
            NullLogger<SmtpEmailSender>.Instance);
        var dispatcher = new NotificationDispatcher(new InMemoryDeliveryLedger(), [new EmailTransport(smtp)], RetryPolicy.Default, _time,
            NullLogger<NotificationDispatcher>.Instance);

        var first = await dispatcher.DispatchAsync(On(NotificationChannel.Email), Member, CancellationToken.None);
        var second = await dispatcher.DispatchAsync(On(NotificationChannel.Email), Member, CancellationToken.None);
        var mail = await sink.WaitForMessageToAsync("wang.wu@example.com", TimeSpan.FromSeconds(10));

        first!.Status.Should().Be(DeliveryStatus.Delivered);
        second.Should().BeNull();
        mail.Message.To.Mailboxes.Single().Name.Should().Be("Wang Wu");
        Directory.EnumerateFiles(sink.Directory, "*.env")
            .Count(f => File.ReadAllText(f).Contains("wang.wu@example.com", StringComparison.Ordinal))
            .Should().Be(1);
    }

    [Fact]
    public async Task WeComWebhook_Dispatched_PostsTheTextBodyMentioningTheRecipient()
    {
        await using var server = new LoopbackHttpServer(200, """{"errcode":0,"errmsg":"ok"}""");
        var transport = new WebhookTransport(new WeComWebhookFormatter(), server.Url("/cgi-bin/webhook/send?key=k"),
            new HttpWebhookSender(_http, NullLogger<HttpWebhookSender>.Instance));
        var dispatcher = new NotificationDispatcher(new InMemoryDeliveryLedger(), [transport], RetryPolicy.Default, _time,
            NullLogger<NotificationDispatcher>.Instance);

        var record = await dispatcher.DispatchAsync(On(NotificationChannel.WeCom), Member, CancellationToken.None);

        record!.Status.Should().Be(DeliveryStatus.Delivered);
        server.Requests.Should().ContainSingle().Which.Body.Should().Be(
            """{"msgtype":"text","text":{"content":"INC-77 unanswered\nPlease respond\nAcknowledge: https://ew.example.com/ack?token=abc","mentioned_list":["wangwu"],"mentioned_mobile_list":["13900002222"]}}""");
    }

    [Fact]
    public async Task Email_MemberWithoutAddress_FailedNotRetried()
    {
        var noEmail = new TeamMember("r8", "Zhou", "IT", [], new ContactChannels("13900003333", null));
        var smtp = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, FromAddress = "ew@example.com" }, NullLogger<SmtpEmailSender>.Instance);

        var result = await new EmailTransport(smtp).DeliverAsync(On(NotificationChannel.Email), noEmail, CancellationToken.None);

        result.Should().Be(DeliveryResult.Failed(null, "Member 'r8' has no email address.", transient: false));
    }
}
