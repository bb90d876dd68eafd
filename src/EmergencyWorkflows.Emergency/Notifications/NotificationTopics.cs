using System.Globalization;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// What a notification is about, the first part of its dedup key after the incident: escalation rounds, a task's
/// overdue notice, an announcement, an improvement action's daily reminder. Two messages on different topics never
/// share a key, so none of them needs a reserved tier number to stay apart from the others.
/// </summary>
public static class NotificationTopics
{
    /// <summary>The incident's escalation rounds (tier 0 the first alert, then tiers 1..n); also every row stored
    /// before topics existed.</summary>
    public const string Escalation = "escalation";

    public static string TaskOverdue(string taskId) => $"task-overdue:{taskId}";

    public static string Announcement(string announcementId) => $"announcement:{announcementId}";

    public static string ActionReminder(string actionId, DateOnly day) =>
        $"action-reminder:{actionId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
