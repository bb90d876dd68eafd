using EmergencyWorkflows.Persistence.Bookmarks;
using EmergencyWorkflows.Persistence.Definitions;
using EmergencyWorkflows.Persistence.Instances;
using EmergencyWorkflows.Persistence.Outbox;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Instances;
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

    /// <summary>The provider-neutral part of a provider registration: the four ports as singletons.</summary>
    internal static IServiceCollection AddWorkflowStores(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IWorkflowInstanceStore, EfWorkflowInstanceStore>();
        services.AddSingleton<IBookmarkStore, EfBookmarkStore>();
        services.AddSingleton<IOutboxStore, EfOutboxStore>();
        services.AddSingleton<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        return services;
    }
}
