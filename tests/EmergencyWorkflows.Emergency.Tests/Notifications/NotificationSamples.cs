using EmergencyWorkflows.Emergency.Notifications;

namespace EmergencyWorkflows.Emergency.Tests.Notifications;

internal static class NotificationSamples
{
    public static readonly Uri AckUrl = new("https://ew.example.com/ack?token=abc.def");

    public static Notification For(NotificationChannel channel, string subject = "INC-7 未响应", string text = "3楼机房断电，5分钟内无人响应") =>
        new("INC-7", 2, 1, "r1", channel, subject, text, AckUrl);
}
