using System.Text;
using EmergencyWorkflows.Persistence.Sqlite;
using EmergencyWorkflows.Runtime.Bookmarks;
using Microsoft.Data.Sqlite;

namespace EmergencyWorkflows.Persistence.Bookmarks;

/// <summary>
/// The SQLite bookmark store: the lookups a resume makes (by id, by name/key/correlation/instance) are prepared
/// statements on pooled read connections; the timer listings stay with EF (<see cref="EfBookmarkStore"/>).
/// </summary>
internal sealed class SqliteBookmarkStore(SqliteReadPool reads, EfBookmarkStore timers) : IBookmarkStore
{
    private const string Columns = "SELECT Id, InstanceId, Name, Key, CorrelationId, DueAt FROM Bookmarks";
    private static readonly string[] FilterSql = BuildFilterSql();

    public Task<BookmarkMatch?> FindByIdAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var session = reads.Rent();
        var command = session.Command(Columns + " WHERE Id = $id;");
        command.Parameters.AddWithValue("$id", bookmarkId);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? Read(reader) : null);
    }

    /// <summary>A null Key, CorrelationId or InstanceId in the filter means "any".</summary>
    public Task<IReadOnlyList<BookmarkMatch>> FindAsync(BookmarkFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellationToken.ThrowIfCancellationRequested();
        var shape = (filter.Key is null ? 0 : 1) | (filter.CorrelationId is null ? 0 : 2) | (filter.InstanceId is null ? 0 : 4);
        using var session = reads.Rent();
        var command = session.Command(FilterSql[shape]);
        command.Parameters.AddWithValue("$name", filter.Name);
        if (filter.Key is { } key)
        {
            command.Parameters.AddWithValue("$key", key);
        }

        if (filter.CorrelationId is { } correlationId)
        {
            command.Parameters.AddWithValue("$correlationId", correlationId);
        }

        if (filter.InstanceId is { } instanceId)
        {
            command.Parameters.AddWithValue("$instanceId", instanceId);
        }

        var matches = new List<BookmarkMatch>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            matches.Add(Read(reader));
        }

        return Task.FromResult<IReadOnlyList<BookmarkMatch>>(matches);
    }

    public Task<IReadOnlyList<BookmarkMatch>> FindDueAsync(DateTimeOffset dueAtOrBefore, int take, CancellationToken cancellationToken = default) =>
        timers.FindDueAsync(dueAtOrBefore, take, cancellationToken);

    public Task<IReadOnlyList<BookmarkMatch>> ListTimersAsync(CancellationToken cancellationToken = default) =>
        timers.ListTimersAsync(cancellationToken);

    private static BookmarkMatch Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero));

    /// <summary>One SQL text per combination of present filters (bit 1 key, 2 correlation, 4 instance).</summary>
    private static string[] BuildFilterSql()
    {
        var texts = new string[8];
        for (var shape = 0; shape < texts.Length; shape++)
        {
            var sql = new StringBuilder(Columns).Append(" WHERE Name = $name");
            if ((shape & 1) != 0)
            {
                sql.Append(" AND Key = $key");
            }

            if ((shape & 2) != 0)
            {
                sql.Append(" AND CorrelationId = $correlationId");
            }

            if ((shape & 4) != 0)
            {
                sql.Append(" AND InstanceId = $instanceId");
            }

            texts[shape] = sql.Append(" ORDER BY CreatedAt, Id;").ToString();
        }

        return texts;
    }
}
