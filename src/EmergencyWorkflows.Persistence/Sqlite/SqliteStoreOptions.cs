namespace EmergencyWorkflows.Persistence.Sqlite;

/// <summary>SQLite connection settings applied to every connection the stores open.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>FULL survives power loss; NORMAL (with WAL) only risks the last commits on power loss, and is faster.</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>How long a connection waits for another process's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a published-definition or version lookup is served from memory. A save on this node clears the cache
    /// at once; another node's publish is seen after at most this long. Zero turns the cache off.
    /// </summary>
    public TimeSpan DefinitionCacheMaxAge { get; set; } = TimeSpan.FromSeconds(2);
}

public enum SqliteSynchronousMode
{
    Full,
    Normal,
    Extra,
    Off,
}
