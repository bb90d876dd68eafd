using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Sqlite;

/// <summary>The SQLite flavour of the model: only the value conversions SQLite needs. Migrations: Migrations/Sqlite.</summary>
public sealed class SqliteWorkflowsDbContext(DbContextOptions<SqliteWorkflowsDbContext> options) : WorkflowsDbContext(options)
{
    internal static void Configure(DbContextOptionsBuilder builder, string connectionString, SqliteStoreOptions options) =>
        builder
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor(options));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
