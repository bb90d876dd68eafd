using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Persistence.Sqlite;

public static class SqlitePersistenceExtensions
{
    /// <summary>
    /// Registers the SQLite database: an <see cref="IDbContextFactory{TContext}"/> for <see cref="SqliteWorkflowsDbContext"/>
    /// and for <see cref="WorkflowsDbContext"/>, a scoped <see cref="WorkflowsDbContext"/>, one write gate for the
    /// database, and the instance, bookmark, outbox and definition stores as singletons.
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
        return services.AddWorkflowStores();
    }
}
