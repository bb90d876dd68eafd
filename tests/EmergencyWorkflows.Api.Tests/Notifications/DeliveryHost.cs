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
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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
    private ApiFactory? baseFactory;
    private WebApplicationFactory<Program>? factory;

    public SmtpSinkFixture Smtp { get; } = new();

    public LoopbackHttpServer Robots { get; } = new(200, """{"errcode":0,"code":0,"msg":"ok"}""");

    public LoopbackHttpServer Generic { get; } = new(200, "{}");

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => factory!.Services;

    public CapturingSink Sink => baseFactory!.Sink;

    public async Task InitializeAsync()
    {
        await Smtp.InitializeAsync();
        baseFactory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false));
        var delay = RetryDelay.ToString("c", CultureInfo.InvariantCulture);
        factory = baseFactory.WithWebHostBuilder(b => b
            .UseSetting("Emergency:Smtp:Host", "127.0.0.1")
            .UseSetting("Emergency:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Emergency:Smtp:Security", "None")
            .UseSetting("Emergency:Delivery:RetrySweepInterval", "00:00:00.050")
            .UseSetting("Emergency:DirectoryRefreshInterval", "00:00:00.100")
            .UseSetting("Emergency:Delivery:Retry:MaxAttempts", MaxAttempts.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Emergency:Delivery:Retry:InitialDelay", delay)
            .UseSetting("Emergency:Delivery:Retry:Multiplier", "1")
            .UseSetting("Emergency:Delivery:Retry:MaxDelay", delay)
            .UseSetting("Emergency:Delivery:Webhooks:WeCom:Url", Robots.Url("/wecom?key=secret").AbsoluteUri)
            .UseSetting("Emergency:Delivery:Webhooks:DingTalk:Url", Robots.Url("/dingtalk?access_token=secret").AbsoluteUri)
            .UseSetting("Emergency:Delivery:Webhooks:Feishu:Url", Robots.Url("/feishu").AbsoluteUri)
            .UseSetting("Emergency:Delivery:Webhooks:Slack:Url", Robots.Url("/slack").AbsoluteUri)
            .UseSetting("Emergency:Delivery:Webhooks:GenericWebhook:Url", Generic.Url("/hook").AbsoluteUri));
        Client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (baseFactory is not null)
        {
            await baseFactory.DisposeAsync();
        }

        await Robots.DisposeAsync();
        await Generic.DisposeAsync();
        await Smtp.DisposeAsync();
        folder.Dispose();
    }

    // xunit calls DisposeAsync first; this only covers a host that failed half-way through InitializeAsync.
    public void Dispose()
    {
        baseFactory?.Dispose();
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
