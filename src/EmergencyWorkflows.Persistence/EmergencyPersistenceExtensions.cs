using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Emergency.Notifications.Inbox;
using EmergencyWorkflows.Persistence.Notifications;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Persistence;

public static class EmergencyPersistenceExtensions
{
    /// <summary>
    /// The emergency team's durable side on the registered database: the <see cref="DatabaseEmergencyDirectory"/>, the
    /// delivery ledger and the in-app inbox (replacing any in-memory twin). Call after a provider registration.
    /// </summary>
    public static IServiceCollection AddEmergencyPersistence(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<DatabaseEmergencyDirectory>();
        services.TryAddSingleton(sp => new EfDeliveryLedger(
            sp.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>(), sp.GetRequiredService<WriteGate>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new EfInbox(sp.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>(), sp.GetRequiredService<WriteGate>()));
        services.Replace(ServiceDescriptor.Singleton<IDeliveryLedger>(sp => sp.GetRequiredService<EfDeliveryLedger>()));
        services.Replace(ServiceDescriptor.Singleton<IInbox>(sp => sp.GetRequiredService<EfInbox>()));
        return services;
    }
}
