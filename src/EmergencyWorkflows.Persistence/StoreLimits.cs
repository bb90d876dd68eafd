namespace EmergencyWorkflows.Persistence;

/// <summary>Column lengths shared by every provider (SQLite ignores them; PostgreSQL makes them varchar(n)).</summary>
internal static class StoreLimits
{
    public const int IdLength = 200;
    public const int NameLength = 400;
    public const int EnumLength = 32;
}
