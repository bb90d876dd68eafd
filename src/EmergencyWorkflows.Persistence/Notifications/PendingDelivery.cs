using EmergencyWorkflows.Emergency.Notifications;

namespace EmergencyWorkflows.Persistence.Notifications;

/// <summary>A registered notification whose next attempt is due (a scheduled retry, or an attempt whose lease ran out).</summary>
public sealed record PendingDelivery(Notification Notification, string InstanceId);
