using EmergencyWorkflows.Persistence.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Persistence.Tests.Support;

/// <summary>A real SQLite file in its own temp folder, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : ITestDatabase, IDisposable
{
    public SqliteTestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ew-persistence-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "workflows.db");
        ConnectionString = $"Data Source={FilePath}";
    }

    public string Folder { get; }
    public string FilePath { get; }
    public string ConnectionString { get; set; }

    public Task<ServiceProvider> CreateServicesAsync(TimeProvider time) => CreateServicesAsync(time, configure: null);

    public async Task<ServiceProvider> CreateServicesAsync(TimeProvider time, Action<SqliteStoreOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddWorkflowPersistenceSqlite(ConnectionString, configure);
        services.AddEmergencyPersistence();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.MigrateWorkflowDatabaseAsync();
        return provider;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; on Linux the delete works anyway, elsewhere the pool must go first.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
