using EmergencyWorkflows.Persistence.Bookmarks;
using EmergencyWorkflows.Persistence.Definitions;
using EmergencyWorkflows.Persistence.Instances;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Persistence.Sqlite;

public static class SqlitePersistenceExtensions
{
    /// <summary>
    /// Registers the SQLite database: an <see cref="IDbContextFactory{TContext}"/> for <see cref="SqliteWorkflowsDbContext"/>
    /// and for <see cref="WorkflowsDbContext"/>, a scoped <see cref="WorkflowsDbContext"/>, one write gate for the
    /// database, and the instance, bookmark, outbox and definition stores as singletons. Instance commits go through a
    /// group-commit writer (one transaction and one fsync per batch of concurrent commits); instance and bookmark
    /// lookups use prepared statements; published definitions are cached for <see cref="SqliteStoreOptions.DefinitionCacheMaxAge"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowPersistenceSqlite(
        this IServiceCollection services, string connectionString, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new SqliteStoreOptions();
        configure?.Invoke(options);

        services.AddSingleton(options);
        services.AddDbContextFactory<SqliteWorkflowsDbContext>(builder => SqliteWorkflowsDbContext.Configure(builder, connectionString, options));
        services.AddSingleton<IDbContextFactory<WorkflowsDbContext>, WorkflowsDbContextFactory<SqliteWorkflowsDbContext>>();
        services.AddScoped<WorkflowsDbContext>(sp => sp.GetRequiredService<SqliteWorkflowsDbContext>());
        services.AddSingleton(_ => new WriteGate(maxConcurrentWriters: 1));
        services.AddSingleton<IWorkflowDatabaseInitializer>(sp => new SqliteDatabaseInitializer(
            connectionString,
            sp.GetRequiredService<IDbContextFactory<SqliteWorkflowsDbContext>>(),
            sp.GetRequiredService<ILogger<SqliteDatabaseInitializer>>()));

        // The hot path: group commit on one writer connection, prepared reads on pooled connections, cached definitions.
        services.AddSingleton(_ => new SqliteReadPool(connectionString));
        services.AddSingleton(sp => new SqliteCommitWriter(
            connectionString,
            options,
            sp.GetRequiredService<WriteGate>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SqliteCommitWriter>>()));
        services.AddSingleton<IWorkflowInstanceStore, SqliteWorkflowInstanceStore>();
        services.AddSingleton<IBookmarkStore, SqliteBookmarkStore>();
        services.AddSingleton<IWorkflowDefinitionStore>(sp => new CachingWorkflowDefinitionStore(
            sp.GetRequiredService<EfWorkflowDefinitionStore>(), options.DefinitionCacheMaxAge, sp.GetRequiredService<TimeProvider>()));
        return services.AddWorkflowStores();
    }
}
