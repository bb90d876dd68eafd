using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmergencyWorkflows.Persistence.Sqlite;

/// <summary>Per-connection PRAGMAs (they are not stored in the file, so every opened connection needs them).</summary>
internal sealed class SqlitePragmaInterceptor(SqliteStoreOptions options) : DbConnectionInterceptor
{
    private readonly string pragmas = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {options.Synchronous.ToString().ToUpperInvariant()};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
