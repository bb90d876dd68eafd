using EmergencyWorkflows.Persistence.Bookmarks;
using EmergencyWorkflows.Persistence.Outbox;
using EmergencyWorkflows.Persistence.Timers;
using Microsoft.Data.Sqlite;

namespace EmergencyWorkflows.Persistence.Instances;

/// <summary>
/// The commit writer's connection and its prepared statements. Column names and value shapes follow the EF model
/// (DateTimeOffset as UTC ticks, enums as their names, see the Sqlite migration), so EF reads what this writes.
/// </summary>
internal sealed class WriterConnection : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly List<SqliteCommand> commands = [];
    private readonly SqliteCommand insertInstance;
    private readonly SqliteCommand updateInstance;
    private readonly SqliteCommand deleteBookmarks;
    private readonly SqliteCommand insertBookmark;
    private readonly SqliteCommand readTimers;
    private readonly SqliteCommand updateTimer;
    private readonly SqliteCommand insertTimer;
    private readonly SqliteCommand insertOutbox;

    private WriterConnection(SqliteConnection connection)
    {
        this.connection = connection;
        Begin = Create("BEGIN IMMEDIATE;");
        Commit = Create("COMMIT;");
        Savepoint = Create("SAVEPOINT c;");
        Release = Create("RELEASE c;");
        RollbackToSavepoint = Create("ROLLBACK TO c; RELEASE c;");
        CheckpointPassive = Create("PRAGMA wal_checkpoint(PASSIVE);");
        insertInstance = Create(
            "INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersionId, DefinitionVersion, CorrelationId, Name, Status, SubStatus, StateJson, IncidentCount, Revision, CreatedAt, UpdatedAt, FinishedAt) " +
            "VALUES ($id, $definitionId, $definitionVersionId, $definitionVersion, $correlationId, $name, $status, $subStatus, $stateJson, $incidentCount, $revision, $createdAt, $updatedAt, $finishedAt) " +
            "ON CONFLICT (Id) DO NOTHING;",
            "$id", "$definitionId", "$definitionVersionId", "$definitionVersion", "$correlationId", "$name", "$status", "$subStatus", "$stateJson", "$incidentCount", "$revision", "$createdAt", "$updatedAt", "$finishedAt");
        updateInstance = Create(
            "UPDATE WorkflowInstances SET CorrelationId = $correlationId, Name = $name, Status = $status, SubStatus = $subStatus, StateJson = $stateJson, " +
            "IncidentCount = $incidentCount, Revision = $revision, UpdatedAt = $updatedAt, FinishedAt = $finishedAt WHERE Id = $id AND Revision = $expected;",
            "$correlationId", "$name", "$status", "$subStatus", "$stateJson", "$incidentCount", "$revision", "$updatedAt", "$finishedAt", "$id", "$expected");
        deleteBookmarks = Create("DELETE FROM Bookmarks WHERE InstanceId = $instanceId;", "$instanceId");
        insertBookmark = Create(
            "INSERT INTO Bookmarks (Id, InstanceId, Name, Key, CorrelationId, ActivityId, CreatedAt, DueAt) VALUES ($id, $instanceId, $name, $key, $correlationId, $activityId, $createdAt, $dueAt);",
            "$id", "$instanceId", "$name", "$key", "$correlationId", "$activityId", "$createdAt", "$dueAt");
        readTimers = Create("SELECT Id, DueAt, State FROM Timers WHERE InstanceId = $instanceId;", "$instanceId");
        updateTimer = Create("UPDATE Timers SET State = $state, DueAt = $dueAt, UpdatedAt = $updatedAt WHERE Id = $id;", "$state", "$dueAt", "$updatedAt", "$id");
        insertTimer = Create(
            "INSERT INTO Timers (Id, InstanceId, DueAt, State, UpdatedAt) VALUES ($id, $instanceId, $dueAt, $state, $updatedAt);",
            "$id", "$instanceId", "$dueAt", "$state", "$updatedAt");
        insertOutbox = Create(
            "INSERT INTO Outbox (Id, InstanceId, Kind, PayloadJson, CreatedAt, DispatchedAt, Attempts, LastError) VALUES ($id, $instanceId, $kind, $payloadJson, $createdAt, NULL, 0, NULL);",
            "$id", "$instanceId", "$kind", "$payloadJson", "$createdAt");
    }

    public SqliteCommand Begin { get; }
    public SqliteCommand Commit { get; }
    public SqliteCommand Savepoint { get; }
    public SqliteCommand Release { get; }
    public SqliteCommand RollbackToSavepoint { get; }
    public SqliteCommand CheckpointPassive { get; }

    /// <summary>Opens the connection with the store's pragmas and automatic checkpoints off (see SqliteWalCheckpointer).</summary>
    public static WriterConnection Open(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = pragmas + " PRAGMA wal_autocheckpoint = 0;";
                command.ExecuteNonQuery();
            }

            return new WriterConnection(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public int InsertInstance(WorkflowInstanceRecord r) => Run(insertInstance,
        r.Id, r.DefinitionId, r.DefinitionVersionId, r.DefinitionVersion, r.CorrelationId, r.Name, r.Status, r.SubStatus, r.StateJson,
        r.IncidentCount, r.Revision, r.CreatedAt.UtcTicks, r.UpdatedAt.UtcTicks, r.FinishedAt?.UtcTicks);

    public int UpdateInstance(WorkflowInstanceRecord r, long expectedRevision) => Run(updateInstance,
        r.CorrelationId, r.Name, r.Status, r.SubStatus, r.StateJson, r.IncidentCount, r.Revision, r.UpdatedAt.UtcTicks, r.FinishedAt?.UtcTicks,
        r.Id, expectedRevision);

    public void DeleteBookmarks(string instanceId) => Run(deleteBookmarks, instanceId);

    public void InsertBookmark(BookmarkRecord b) => Run(insertBookmark,
        b.Id, b.InstanceId, b.Name, b.Key, b.CorrelationId, b.ActivityId, b.CreatedAt.UtcTicks, b.DueAt?.UtcTicks);

    public List<(string Id, DateTimeOffset DueAt, TimerState State)> ReadTimers(string instanceId)
    {
        Bind(readTimers, instanceId);
        var timers = new List<(string, DateTimeOffset, TimerState)>();
        using var reader = readTimers.ExecuteReader();
        while (reader.Read())
        {
            timers.Add((reader.GetString(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), Enum.Parse<TimerState>(reader.GetString(2))));
        }

        return timers;
    }

    public void UpdateTimer(string id, TimerState state, DateTimeOffset dueAt, DateTimeOffset now) =>
        Run(updateTimer, state.ToString(), dueAt.UtcTicks, now.UtcTicks, id);

    public void InsertTimer(string id, string instanceId, DateTimeOffset dueAt, DateTimeOffset now) =>
        Run(insertTimer, id, instanceId, dueAt.UtcTicks, nameof(TimerState.Pending), now.UtcTicks);

    public void InsertOutbox(OutboxRecord o) => Run(insertOutbox, o.Id, o.InstanceId, o.Kind, o.PayloadJson, o.CreatedAt.UtcTicks);

    public void Dispose()
    {
        foreach (var command in commands)
        {
            command.Dispose();
        }

        connection.Dispose();
    }

    private static int Run(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private SqliteCommand Create(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        commands.Add(command);
        return command;
    }
}
