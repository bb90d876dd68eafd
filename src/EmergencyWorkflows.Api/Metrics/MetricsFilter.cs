using System.Globalization;
using EmergencyWorkflows.Emergency.Incidents;

namespace EmergencyWorkflows.Api.Metrics;

/// <summary>Which incidents the metrics cover: reported in [<see cref="From"/>, <see cref="To"/>), optionally one category
/// and one recorded grade.</summary>
internal sealed record MetricsFilter(DateTimeOffset From, DateTimeOffset To, IncidentCategory? Category, IncidentGrade? Grade)
{
    /// <summary>The periods the page offers (days).</summary>
    public static readonly IReadOnlyList<int> Periods = [7, 30, 90];

    public const int DefaultPeriod = 30;

    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(366);

    /// <summary>The last <paramref name="days"/> whole days in the zone, today included (so days start at local midnight).</summary>
    public static MetricsFilter LastDays(int days, IncidentCategory? category, IncidentGrade? grade, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var tomorrow = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
        var to = new DateTimeOffset(tomorrow, zone.GetUtcOffset(tomorrow));
        return new MetricsFilter(to.AddDays(-days), to, category, grade);
    }

    /// <summary>
    /// Reads the query of GET /api/metrics: <c>from</c>/<c>to</c> ISO 8601 instants (default: the last 30 days),
    /// <c>category</c> a category key, <c>grade</c> 1-3. Every problem is reported against its field.
    /// </summary>
    public static (MetricsFilter? Filter, Dictionary<string, string[]> Errors) Parse(
        string? from, string? to, string? category, string? grade, DateTimeOffset now, TimeZoneInfo zone)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var start = Instant(from, "from", errors);
        var end = Instant(to, "to", errors);
        var cat = ParseCategory(category, errors);
        var level = ParseGrade(grade, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var defaults = LastDays(DefaultPeriod, cat, level, now, zone);
        var filter = (start, end) switch
        {
            (null, null) => defaults,
            ({ } f, null) => defaults with { From = f },
            (null, { } t) => defaults with { From = t.AddDays(-DefaultPeriod), To = t },
            ({ } f, { } t) => defaults with { From = f, To = t },
        };

        if (filter.To <= filter.From)
        {
            errors["to"] = [$"'to' ({filter.To:O}) must be after 'from' ({filter.From:O})."];
        }
        else if (filter.To - filter.From > MaxSpan)
        {
            errors["from"] = [$"The period may span at most {MaxSpan.TotalDays:0} days; {(filter.To - filter.From).TotalDays:0.#} were asked."];
        }

        return errors.Count > 0 ? (null, errors) : (filter, errors);
    }

    public static IncidentCategory? ParseCategory(string? value, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (IncidentCategoryKeys.TryParse(value.Trim(), out var category))
        {
            return category;
        }

        errors["category"] = [$"'category' must be {IncidentCategoryKeys.PersonnelSafety}, {IncidentCategoryKeys.ServiceInterruption} or " +
            $"{IncidentCategoryKeys.ComplaintDispute} (or empty for all); '{Shorten(value)}' is none of them."];
        return null;
    }

    public static IncidentGrade? ParseGrade(string? value, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3)
        {
            return (IncidentGrade)n;
        }

        errors["grade"] = [$"'grade' must be 1, 2 or 3 (or empty for all); '{Shorten(value)}' is not."];
        return null;
    }

    private static DateTimeOffset? Instant(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        errors[field] = [$"'{field}' must be an ISO 8601 date or instant (e.g. 2026-11-01 or 2026-11-01T00:00:00Z); '{Shorten(value)}' is not."];
        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
