using System.Net;
using System.Net.Sockets;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Tests.Logging;

namespace EmergencyWorkflows.Emergency.Tests.Notifications.Smtp;

public class SmtpEmailSenderTests(SmtpSinkFixture sink) : IClassFixture<SmtpSinkFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly ListLogger<SmtpEmailSender> _logger = new();

    private SmtpEmailSender Sender(int? port = null) => new(
        new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port ?? sink.Port,
            Security = SmtpSecurity.None,
            FromAddress = "emergency@example.com",
            FromName = "Emergency Team",
            Timeout = TimeSpan.FromSeconds(10),
        },
        _logger);

    private static Notification Sample(string recipientId = "r1") => new(
        "INC-42", 1, 2, recipientId, NotificationChannel.Email,
        "INC-42 机房断电 – response overdue", "3楼机房断电，请立即响应。", new Uri("https://ew.example.com/ack?token=t0k.en"));

    [Fact]
    public async Task SendAsync_RealSmtpServer_MessageArrivesWithSubjectBodyAndHeaders()
    {
        var to = "zhang.san@example.com";
        var notification = Sample();

        var result = await Sender().SendAsync(EmailMessage.ForNotification(notification, to, "张三"), CancellationToken.None);
        var mail = await sink.WaitForMessageToAsync(to, Deadline);

        result.Should().Be(DeliveryResult.Delivered(250));
        mail.MailFrom.Should().Be("emergency@example.com");
        mail.Message.Subject.Should().Be("INC-42 机房断电 – response overdue");
        mail.Message.From.Mailboxes.Single().Name.Should().Be("Emergency Team");
        mail.Message.To.Mailboxes.Single().Address.Should().Be(to);
        mail.Message.TextBody.Should().Contain("3楼机房断电，请立即响应。").And.Contain("Acknowledge: https://ew.example.com/ack?token=t0k.en");
        mail.Message.Headers["X-Emergency-Dedup-Key"].Should().Be("INC-42/1/2/r1/Email");
        mail.Message.MessageId.Should().Be(SmtpEmailSender.MessageIdFor(notification.DedupKey));
    }

    [Fact]
    public async Task SendAsync_SameNotificationTwice_SameMessageId()
    {
        var first = await SendAndReceive("dup-a@example.com", Sample("r9"));
        var second = await SendAndReceive("dup-b@example.com", Sample("r9"));

        second.Message.MessageId.Should().Be(first.Message.MessageId);
    }

    [Fact]
    public async Task SendAsync_RecipientRefusedPermanently_FailedWith550NotTransient()
    {
        var result = await Sender().SendAsync(EmailMessage.ForNotification(Sample(), "reject-me@example.com"), CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().Be(550);
        result.Transient.Should().BeFalse();
        sink.HasMessageTo("reject-me@example.com").Should().BeFalse();
    }

    [Fact]
    public async Task SendAsync_RecipientDeferred_FailedWith451Transient()
    {
        var result = await Sender().SendAsync(EmailMessage.ForNotification(Sample(), "busy-box@example.com"), CancellationToken.None);

        result.Should().BeEquivalentTo(new { Succeeded = false, StatusCode = 451, Transient = true });
    }

    [Fact]
    public async Task SendAsync_NothingListening_TransientFailureNotException()
    {
        var result = await Sender(ClosedPort()).SendAsync(EmailMessage.ForNotification(Sample(), "nobody@example.com"), CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().BeNull();
        result.Transient.Should().BeTrue();
        result.Error.Should().StartWith("SMTP connection failed");
    }

    [Fact]
    public async Task SendAsync_Logs_MaskTheRecipientAddress()
    {
        await SendAndReceive("li.si@example.com", Sample());

        _logger.Lines.Should().Contain(l => l.Contains("l***@example.com", StringComparison.Ordinal));
        _logger.Lines.Should().NotContain(l => l.Contains("li.si@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_NoFromAddressConfigured_Throws()
    {
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = sink.Port }, _logger);

        var act = () => sender.SendAsync(EmailMessage.ForNotification(Sample(), "x@example.com"), CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*FromAddress*");
    }

    private async Task<ReceivedMail> SendAndReceive(string to, Notification notification)
    {
        var result = await Sender().SendAsync(EmailMessage.ForNotification(notification, to), CancellationToken.None);
        result.Succeeded.Should().BeTrue(result.Error);
        return await sink.WaitForMessageToAsync(to, Deadline);
    }

    // A port that was free a moment ago: binding port 0 and releasing it leaves nothing listening there.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
