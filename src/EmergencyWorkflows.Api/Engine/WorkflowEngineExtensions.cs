using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Sqlite;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Api.Engine;

internal static class WorkflowEngineExtensions
{
    /// <summary>The workflow runtime and its durable stores (SQLite), the only place the host wires them.</summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Workflows")
            ?? throw new InvalidOperationException("ConnectionStrings:Workflows is missing from appsettings.json.");
        services.AddWorkflowRuntime();
        services.AddWorkflowPersistenceSqlite(connectionString);
        return services;
    }

    /// <summary>Brings the database schema up to date before anything reads it.</summary>
    public static Task MigrateWorkflowDatabaseAsync(this WebApplication app) =>
        app.Services.MigrateWorkflowDatabaseAsync(app.Lifetime.ApplicationStopping);
}
