using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace EmergencyWorkflows.Persistence.Sqlite;

/// <summary>
/// Open read connections, each keeping its prepared commands, for the hot single-row lookups (instance by id,
/// bookmark by id or name/key). WAL lets them read while the commit writer writes; a read sees every commit that
/// returned before it started.
/// </summary>
internal sealed class SqliteReadPool : IDisposable
{
    private const int MaxIdle = 16;
    private readonly string connectionString;
    private readonly ConcurrentBag<ReadSession> idle = [];
    private volatile bool disposed;

    public SqliteReadPool(string connectionString)
    {
        // The pool keeps its own connections open, so Microsoft.Data.Sqlite's pool would only hide closed files.
        this.connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    }

    public ReadSession Rent()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return idle.TryTake(out var session) ? session : new ReadSession(this, Open());
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var session))
        {
            session.Close();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private void Return(ReadSession session)
    {
        if (disposed || idle.Count >= MaxIdle)
        {
            session.Close();
            return;
        }

        idle.Add(session);
        if (disposed && idle.TryTake(out var late))
        {
            late.Close();
        }
    }

    /// <summary>One rented connection; dispose returns it to the pool.</summary>
    internal sealed class ReadSession(SqliteReadPool pool, SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
        private bool broken;

        /// <summary>A prepared command for this SQL text, its parameters cleared.</summary>
        public SqliteCommand Command(string sql)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                commands.Add(sql, command);
            }

            command.Parameters.Clear();
            return command;
        }

        /// <summary>Marks the connection unusable (after an unexpected error), so it is closed instead of reused.</summary>
        public void MarkBroken() => broken = true;

        public void Dispose()
        {
            if (broken)
            {
                Close();
            }
            else
            {
                pool.Return(this);
            }
        }

        internal void Close()
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            commands.Clear();
            connection.Dispose();
        }
    }
}
