namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>Plain text, or the platform's rich form (WeCom/DingTalk markdown, Feishu post; Slack always sends blocks).</summary>
public enum WebhookMessageStyle
{
    Text,
    Rich,
}
