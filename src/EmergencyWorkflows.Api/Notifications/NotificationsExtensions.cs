using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Emergency.Notifications.Inbox;
using EmergencyWorkflows.Persistence.Notifications;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Api.Notifications;

internal static class NotificationsExtensions
{
    /// <summary>
    /// Delivery of <c>Emergency.Notify</c> outbox messages: email over SMTP (<c>Emergency:Smtp</c>), the team's group
    /// webhooks and the in-app inbox (<c>Emergency:Delivery</c>), through the dispatcher and the durable ledger, with a
    /// retry sweep. Needs the ledger and inbox registered (AddEmergencyTeam).
    /// </summary>
    public static IServiceCollection AddEmergencyNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var delivery = configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>() ?? new DeliveryOptions();
        var smtp = configuration.GetSection("Emergency:Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section));
        services.AddSingleton(delivery.RetryPolicy());
        services.AddSingleton(sp => new SmtpEmailSender(smtp, sp.GetRequiredService<ILogger<SmtpEmailSender>>()));

        // One long-lived client for every webhook; connections are recycled so DNS changes are seen.
        services.AddKeyedSingleton(nameof(HttpWebhookSender), (_, _) => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = delivery.WebhookTimeout,
        });
        services.AddSingleton(sp => new HttpWebhookSender(
            sp.GetRequiredKeyedService<HttpClient>(nameof(HttpWebhookSender)), sp.GetRequiredService<ILogger<HttpWebhookSender>>()));
        services.AddSingleton(sp => new NotificationDispatcher(
            sp.GetRequiredService<IDeliveryLedger>(),
            Transports(sp, delivery),
            sp.GetRequiredService<RetryPolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<NotificationDispatcher>>()));
        services.AddSingleton<NotificationDelivery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxMessageHandler, EmergencyNotifyOutboxHandler>());
        services.AddSingleton<DeliveryRetryService>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryRetryService>());
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapIncidentNotifications();
        app.MapInbox();
        return app;
    }

    private static List<INotificationTransport> Transports(IServiceProvider sp, DeliveryOptions delivery)
    {
        var transports = new List<INotificationTransport>
        {
            new EmailTransport(sp.GetRequiredService<SmtpEmailSender>(), delivery.AckLabel),
            new InAppTransport(sp.GetRequiredService<IInbox>(), sp.GetRequiredService<TimeProvider>()),
        };
        foreach (var (channel, settings) in delivery.Webhooks)
        {
            if (string.IsNullOrWhiteSpace(settings.Url))
            {
                continue;
            }

            var formatter = Formatter(channel, settings.Style, delivery.AckLabel);
            transports.Add(new WebhookTransport(formatter, new Uri(settings.Url), sp.GetRequiredService<HttpWebhookSender>()));
        }

        return transports;
    }

    private static IWebhookFormatter Formatter(NotificationChannel channel, WebhookMessageStyle style, string ackLabel) => channel switch
    {
        NotificationChannel.WeCom => new WeComWebhookFormatter(style, ackLabel),
        NotificationChannel.DingTalk => new DingTalkWebhookFormatter(style, ackLabel),
        NotificationChannel.Feishu => new FeishuWebhookFormatter(style, ackLabel),
        NotificationChannel.Slack => new SlackWebhookFormatter(ackLabel),
        NotificationChannel.GenericWebhook => new GenericWebhookFormatter(),
        _ => throw new InvalidOperationException($"Emergency:Delivery:Webhooks:{channel} is not a webhook channel; use WeCom, DingTalk, Feishu, Slack or GenericWebhook."),
    };
}
