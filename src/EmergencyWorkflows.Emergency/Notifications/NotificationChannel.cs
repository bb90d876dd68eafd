namespace EmergencyWorkflows.Emergency.Notifications;

public enum NotificationChannel
{
    Email,
    InApp,
    GenericWebhook,
    WeCom,
    DingTalk,
    Feishu,
    Slack,
}
