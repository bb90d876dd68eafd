using System.Net;
using System.Net.Sockets;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Tests.Logging;

namespace EmergencyWorkflows.Emergency.Tests.Notifications.Http;

public sealed class HttpWebhookSenderTests : IDisposable
{
    private const string Body = """{"msgtype":"text","text":{"content":"3楼机房断电"}}""";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ListLogger<HttpWebhookSender> _logger = new();

    private HttpWebhookSender Sender => new(_http, _logger);

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task SendAsync_Ok_DeliveredAndServerGotTheExactJson()
    {
        await using var server = new LoopbackHttpServer(200, """{"errcode":0,"errmsg":"ok"}""");

        var result = await Sender.SendAsync(server.Url("/cgi-bin/webhook/send?key=secret-key"), Body, NotificationChannel.WeCom, CancellationToken.None);

        result.Should().Be(DeliveryResult.Delivered(200));
        var request = server.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Target.Should().Be("/cgi-bin/webhook/send?key=secret-key");
        request.Headers["Content-Type"].Should().Be("application/json; charset=utf-8");
        request.Body.Should().Be(Body);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    public async Task SendAsync_NonSuccessStatus_FailureWithTheStatus(int status, bool transient)
    {
        await using var server = new LoopbackHttpServer(status, "nope");

        var result = await Sender.SendAsync(server.Url("/hook"), Body, NotificationChannel.GenericWebhook, CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().Be(status);
        result.Transient.Should().Be(transient);
        result.Error.Should().Contain($"HTTP {status}").And.Contain("nope");
    }

    [Theory]
    [InlineData(NotificationChannel.WeCom, """{"errcode":93000,"errmsg":"invalid webhook url"}""", "WeCom errcode 93000: invalid webhook url")]
    [InlineData(NotificationChannel.DingTalk, """{"errcode":310000,"errmsg":"keywords not in content"}""", "DingTalk errcode 310000: keywords not in content")]
    [InlineData(NotificationChannel.Feishu, """{"code":19021,"msg":"sign match fail"}""", "Feishu code 19021: sign match fail")]
    public async Task SendAsync_PlatformRefusesWithHttp200_FailureWithThePlatformError(NotificationChannel channel, string response, string error)
    {
        await using var server = new LoopbackHttpServer(200, response);

        var result = await Sender.SendAsync(server.Url("/robot/send"), Body, channel, CancellationToken.None);

        result.Should().Be(DeliveryResult.Failed(200, error, transient: false));
    }

    [Fact]
    public async Task SendAsync_GenericWebhookAnswersWithACodeField_StillDelivered()
    {
        await using var server = new LoopbackHttpServer(200, """{"code":7}""");

        var result = await Sender.SendAsync(server.Url("/hook"), Body, NotificationChannel.GenericWebhook, CancellationToken.None);

        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task SendAsync_SlackAnswersPlainOk_Delivered()
    {
        await using var server = new LoopbackHttpServer(200, "ok");

        var result = await Sender.SendAsync(server.Url("/services/T0/B0/X"), Body, NotificationChannel.Slack, CancellationToken.None);

        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task SendAsync_NothingListening_TransientFailureWithoutStatus()
    {
        var port = ClosedPort();

        var result = await Sender.SendAsync(new Uri($"http://127.0.0.1:{port}/hook"), Body, NotificationChannel.DingTalk, CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.StatusCode.Should().BeNull();
        result.Transient.Should().BeTrue();
    }

    [Fact]
    public async Task SendAsync_Logs_NeverTheWebhookSecret()
    {
        await using var server = new LoopbackHttpServer(500, "");

        await Sender.SendAsync(server.Url("/robot/send?access_token=very-secret"), Body, NotificationChannel.DingTalk, CancellationToken.None);

        _logger.Lines.Should().NotBeEmpty();
        _logger.Lines.Should().NotContain(l => l.Contains("very-secret", StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
