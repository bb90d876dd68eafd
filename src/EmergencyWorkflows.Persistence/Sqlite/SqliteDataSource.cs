using Microsoft.Data.Sqlite;

namespace EmergencyWorkflows.Persistence.Sqlite;

internal static class SqliteDataSource
{
    /// <summary>Creates the folder of a file data source ("Data Source=data/x.db") and returns the data source.</summary>
    public static string EnsureFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (IsInMemory(dataSource) || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return dataSource;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return dataSource;
    }

    public static bool IsInMemory(string dataSource) =>
        string.IsNullOrEmpty(dataSource) || string.Equals(dataSource, ":memory:", StringComparison.OrdinalIgnoreCase);
}
