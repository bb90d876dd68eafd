using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace EmergencyWorkflows.Bench;

/// <summary>
/// This machine's raw durable commit rate: one small row per transaction into a WAL-mode SQLite file, with the same
/// <c>synchronous</c> setting the service uses. It is the ceiling for any design that commits once per burst.
/// </summary>
internal static class RawSqliteBench
{
    public static double CommitsPerSecond(string folder, int count, string synchronous)
    {
        var path = Path.Combine(folder, $"raw-{synchronous}.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, $"PRAGMA synchronous={synchronous};");
        Execute(connection, "CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, body TEXT NOT NULL);");

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO t (id, body) VALUES ($id, $body);";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        body.Value = new string('x', 512);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            id.Value = Guid.NewGuid().ToString("N");
            insert.ExecuteNonQuery();
            tx.Commit();
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
