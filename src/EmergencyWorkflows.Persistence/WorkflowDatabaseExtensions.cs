using EmergencyWorkflows.Persistence.Bookmarks;
using EmergencyWorkflows.Persistence.Definitions;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Persistence.Instances;
using EmergencyWorkflows.Persistence.Outbox;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Persistence;

public static class WorkflowDatabaseExtensions
{
    /// <summary>Applies pending migrations (never EnsureCreated) with the registered provider's settings.</summary>
    public static Task MigrateWorkflowDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IWorkflowDatabaseInitializer>().InitializeAsync(cancellationToken);
    }

    /// <summary>
    /// The provider-neutral part of a provider registration: the EF stores, and the four ports as singletons unless the
    /// provider registered faster ones first.
    /// </summary>
    internal static IServiceCollection AddWorkflowStores(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EfWorkflowInstanceStore>();
        services.TryAddSingleton<EfBookmarkStore>();
        services.TryAddSingleton<EfWorkflowDefinitionStore>();
        services.TryAddSingleton<IWorkflowInstanceStore>(sp => sp.GetRequiredService<EfWorkflowInstanceStore>());
        services.TryAddSingleton<IBookmarkStore>(sp => sp.GetRequiredService<EfBookmarkStore>());
        services.TryAddSingleton<IOutboxStore, EfOutboxStore>();
        services.TryAddSingleton(sp => new IncidentWriter(
            sp.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>(), sp.GetRequiredService<WriteGate>()));
        services.TryAddSingleton<IWorkflowDefinitionStore>(sp => sp.GetRequiredService<EfWorkflowDefinitionStore>());
        return services;
    }
}
