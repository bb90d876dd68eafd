using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Persistence.Sqlite;

internal sealed class SqliteDatabaseInitializer(
    string connectionString,
    IDbContextFactory<SqliteWorkflowsDbContext> contexts,
    ILogger<SqliteDatabaseInitializer> logger) : IWorkflowDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var dataSource = SqliteDataSource.EnsureFolder(connectionString);

        // journal_mode=WAL is stored in the file, but cannot be changed inside a transaction (Migrate opens one),
        // so it is set first on a plain connection.
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && !SqliteDataSource.IsInMemory(dataSource))
            {
                throw new InvalidOperationException($"SQLite refused WAL journal mode (it reports '{mode}').");
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Workflow database migrated: {MigrationCount} migrations applied", pending.Count);
    }
}
