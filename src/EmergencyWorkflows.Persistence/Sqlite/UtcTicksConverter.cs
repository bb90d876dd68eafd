using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmergencyWorkflows.Persistence.Sqlite;

/// <summary>
/// SQLite has no date type and EF cannot order or compare DateTimeOffset stored as text; UTC ticks in an INTEGER
/// column sort and compare correctly. Values come back with offset zero (the same instant).
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
