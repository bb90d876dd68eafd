using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Notifications;

/// <summary>The notifications feature's part of the model: the delivery ledger, its attempt log, the in-app inbox.</summary>
internal static class NotificationsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new NotificationDeliveryRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DeliveryAttemptRecordConfiguration());
        modelBuilder.ApplyConfiguration(new InboxItemRecordConfiguration());
    }
}
