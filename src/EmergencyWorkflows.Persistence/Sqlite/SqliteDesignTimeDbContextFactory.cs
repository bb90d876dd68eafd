using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmergencyWorkflows.Persistence.Sqlite;

/// <summary>For <c>dotnet ef migrations add X --context SqliteWorkflowsDbContext --output-dir Migrations/Sqlite</c>.</summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteWorkflowsDbContext>
{
    public SqliteWorkflowsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteWorkflowsDbContext>();
        SqliteWorkflowsDbContext.Configure(builder, "Data Source=data/design-time.db", new SqliteStoreOptions());
        return new SqliteWorkflowsDbContext(builder.Options);
    }
}
