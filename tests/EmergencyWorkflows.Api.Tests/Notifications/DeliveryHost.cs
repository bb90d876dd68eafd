using System.Globalization;
using System.Net.Http.Json;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Tests.Notifications.Http;
using EmergencyWorkflows.Emergency.Tests.Notifications.Smtp;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Outbox;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Notifications;

/// <summary>
/// A host whose notifications go to real loopback receivers: a real SMTP server (aiosmtpd), one HTTP listener for the
/// IM robots (WeCom, DingTalk, Feishu, Slack: answers "ok" in each platform's terms) and one for the generic webhook
/// (its status set by the test). Retries are configured in milliseconds so that a retry-then-fail run takes ~1 s.
/// </summary>
public sealed class DeliveryHost : IAsyncLifetime, IDisposable
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    public const int MaxAttempts = 3;

    private readonly TempFolder folder = new();
    private ApiFactory? factory;

    public SmtpSinkFixture Smtp { get; } = new();

    public LoopbackHttpServer Robots { get; } = new(200, """{"errcode":0,"code":0,"msg":"ok"}""");

    public LoopbackHttpServer Generic { get; } = new(200, "{}");

    public HttpClient Client { get; private set; } = null!;

    public ApiFactory Factory => factory!;

    public IServiceProvider Services => factory!.Services;

    public CapturingSink Sink => factory!.Sink;

    public async Task InitializeAsync()
    {
        await Smtp.InitializeAsync();
        var delay = RetryDelay.ToString("c", CultureInfo.InvariantCulture);
        factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false), settings: new Dictionary<string, string?>
        {
            ["Emergency:Smtp:Host"] = "127.0.0.1",
            ["Emergency:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Emergency:Smtp:Security"] = "None",
            ["Emergency:Delivery:RetrySweepInterval"] = "00:00:00.050",
            ["Emergency:DirectoryRefreshInterval"] = "00:00:00.100",
            ["Emergency:Delivery:Retry:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Emergency:Delivery:Retry:InitialDelay"] = delay,
            ["Emergency:Delivery:Retry:Multiplier"] = "1",
            ["Emergency:Delivery:Retry:MaxDelay"] = delay,
            ["Emergency:Delivery:Webhooks:WeCom:Url"] = Robots.Url("/wecom?key=secret").AbsoluteUri,
            ["Emergency:Delivery:Webhooks:DingTalk:Url"] = Robots.Url("/dingtalk?access_token=secret").AbsoluteUri,
            ["Emergency:Delivery:Webhooks:Feishu:Url"] = Robots.Url("/feishu").AbsoluteUri,
            ["Emergency:Delivery:Webhooks:Slack:Url"] = Robots.Url("/slack").AbsoluteUri,
            ["Emergency:Delivery:Webhooks:GenericWebhook:Url"] = Generic.Url("/hook").AbsoluteUri,
        });
        Client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Robots.DisposeAsync();
        await Generic.DisposeAsync();
        await Smtp.DisposeAsync();
        folder.Dispose();
    }

    // xunit calls DisposeAsync first; this only covers a host that failed half-way through InitializeAsync.
    public void Dispose()
    {
        factory?.Dispose();
        folder.Dispose();
    }

    public IOutboxMessageHandler NotifyHandler =>
        Services.GetServices<IOutboxMessageHandler>().Single(h => h.Kind == NotificationOutbox.Kind);

    public static OutboxMessage Message(Notification notification, string instanceId) =>
        new(NotificationOutbox.MessageId(notification), instanceId, NotificationOutbox.Kind, NotificationOutbox.ToPayload(notification, instanceId), DateTimeOffset.UtcNow);

    /// <summary>Commits an outbox message as a workflow burst would, for the host's outbox loop to dispatch.</summary>
    public async Task EnqueueAsync(Notification notification, string instanceId)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        db.Outbox.Add(new OutboxRecord
        {
            Id = NotificationOutbox.MessageId(notification),
            InstanceId = instanceId,
            Kind = NotificationOutbox.Kind,
            PayloadJson = NotificationOutbox.ToPayload(notification, instanceId).ToJsonString(),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A new team member reachable on every channel, with an email address no other test uses.</summary>
    public async Task<(string Id, string Email, string Phone)> CreateMemberAsync()
    {
        var id = "m-" + Guid.NewGuid().ToString("N")[..8];
        var email = id + "@example.com";
        const string phone = "13912345678";
        using var response = await Client.PostAsJsonAsync("/api/team/members", new
        {
            id,
            displayName = "张三 " + id,
            department = "Ops",
            roles = new[] { "responder" },
            phone,
            email,
            imAccounts = new Dictionary<string, string>
            {
                ["WeCom"] = "wc-" + id,
                ["DingTalk"] = "dd-" + id,
                ["Feishu"] = "ou_" + id,
                ["Slack"] = "U" + id,
            },
        });
        response.EnsureSuccessStatusCode();
        return (id, email, phone);
    }

    /// <summary>The incident's notifications as the API shows them, once <paramref name="settled"/> holds.</summary>
    public Task<System.Text.Json.Nodes.JsonObject> NotificationsWhenAsync(string incidentId, Func<System.Text.Json.Nodes.JsonObject, bool> settled, string what) =>
        Settle.UntilAsync(
            async () =>
            {
                using var response = await Client.GetAsync($"/api/incidents/{Uri.EscapeDataString(incidentId)}/notifications");
                return (await response.ReadJsonAsync()).AsObject();
            },
            settled,
            TimeSpan.FromSeconds(15),
            what);

    public int MessagesTo(string recipient) =>
        System.IO.Directory.EnumerateFiles(Smtp.Directory, "*.env")
            .Count(env => File.ReadAllLines(env).Skip(1).Contains(recipient, StringComparer.OrdinalIgnoreCase));
}
