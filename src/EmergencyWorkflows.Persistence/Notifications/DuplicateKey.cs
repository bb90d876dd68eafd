using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Notifications;

/// <summary>Tells "someone else wrote this row first" (a lost race, expected) from a real database failure, which must
/// propagate: swallowing it would mark an outbox message done whose notification was never recorded.</summary>
internal static class DuplicateKey
{
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";

    public static bool IsLostRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint }
        || exception.InnerException is DbException { SqlState: PostgresUniqueViolation };
}
