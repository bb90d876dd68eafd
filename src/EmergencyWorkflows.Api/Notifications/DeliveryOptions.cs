using EmergencyWorkflows.Emergency.Notifications;

namespace EmergencyWorkflows.Api.Notifications;

/// <summary>The <c>Emergency:Delivery</c> section: retry backoff, how often due retries are swept, the team webhooks.</summary>
internal sealed class DeliveryOptions
{
    public const string Section = "Emergency:Delivery";

    /// <summary>How often scheduled retries (and attempts whose process died) are looked for.</summary>
    public TimeSpan RetrySweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    public RetrySettings Retry { get; set; } = new();

    /// <summary>Label of the one-click acknowledge link in every message.</summary>
    public string AckLabel { get; set; } = "Acknowledge";

    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The team's group webhooks by channel (WeCom, DingTalk, Feishu, Slack, GenericWebhook); an empty Url
    /// leaves the channel off, and a notification on it fails (recorded) rather than vanishing.</summary>
    public Dictionary<NotificationChannel, WebhookSettings> Webhooks { get; set; } = [];

    public RetryPolicy RetryPolicy() => new(Retry.MaxAttempts, Retry.InitialDelay, Retry.Multiplier, Retry.MaxDelay);
}

internal sealed class RetrySettings
{
    public int MaxAttempts { get; set; } = RetryPolicy.Default.MaxAttempts;
    public TimeSpan InitialDelay { get; set; } = RetryPolicy.Default.InitialDelay;
    public double Multiplier { get; set; } = RetryPolicy.Default.Multiplier;
    public TimeSpan MaxDelay { get; set; } = RetryPolicy.Default.MaxDelay;
}

internal sealed class WebhookSettings
{
    public string? Url { get; set; }

    /// <summary>Text, or Rich (WeCom/DingTalk markdown, Feishu post; Slack always sends blocks).</summary>
    public WebhookMessageStyle Style { get; set; } = WebhookMessageStyle.Text;
}
