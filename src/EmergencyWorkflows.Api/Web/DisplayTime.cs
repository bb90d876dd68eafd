using System.Globalization;

namespace EmergencyWorkflows.Api.Web;

/// <summary>
/// How every page writes and reads a time. Instants are stored UTC; a page shows them in the configured display zone
/// (<c>EmergencyWorkflows:DisplayTimeZone</c>, an IANA or Windows id, default Asia/Shanghai) and site.js rewrites each
/// <c>&lt;time datetime data-local&gt;</c> into the reader's own zone. A <c>datetime-local</c> or <c>date</c> input carries
/// no zone: it is read in the display zone and stored UTC.
/// </summary>
public sealed class DisplayTime
{
    public const string ZoneKey = "EmergencyWorkflows:DisplayTimeZone";
    public const string DefaultZone = "Asia/Shanghai";
    private static readonly string[] InputFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    public DisplayTime(IConfiguration configuration, ILogger<DisplayTime> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var id = configuration[ZoneKey] is { Length: > 0 } configured ? configured.Trim() : DefaultZone;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            Zone = zone;
        }
        else
        {
            // No zone data (tzdata missing) or a typo: the pages still work, in UTC, and say so.
            Zone = TimeZoneInfo.Utc;
            logger.LogWarning("Display time zone {TimeZoneId} ({ConfigKey}) is unknown on this machine; pages show UTC", id, ZoneKey);
        }
    }

    public DisplayTime(TimeZoneInfo zone) => Zone = zone ?? throw new ArgumentNullException(nameof(zone));

    public TimeZoneInfo Zone { get; }

    /// <summary>The zone's id as forms name it ("Asia/Shanghai").</summary>
    public string ZoneName => Zone.Id;

    /// <summary>The exact instant for a <c>datetime</c> attribute: UTC with a Z.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-02 12:30 UTC+08:00": the instant in the display zone, to the minute, with the zone's offset.</summary>
    public string Text(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + Offset(local.Offset);
    }

    /// <summary>The value of a <c>datetime-local</c> input: the instant's wall-clock time in the display zone.</summary>
    public string Input(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The display zone's calendar day of an instant (a <c>date</c> input's value).</summary>
    public DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>Empty → (true, null); a wall-clock time in the display zone → (true, that instant); anything else,
    /// including a time the zone skips, → (false, null).</summary>
    public (bool Ok, DateTimeOffset? Value) ParseInput(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, null);
        }

        if (!DateTime.TryParseExact(text.Trim(), InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return (false, null);
        }

        return ToInstant(wall) is { } instant ? (true, instant) : (false, null);
    }

    /// <summary>The instant a wall-clock time in the display zone names; null when the zone skips it (a DST gap).</summary>
    public DateTimeOffset? ToInstant(DateTime wall)
    {
        var unspecified = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            return null;
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone), TimeSpan.Zero);
    }

    /// <summary>"UTC+08:00", "UTC-05:00", "UTC".</summary>
    public string ZoneLabel(DateTimeOffset at) => Offset(Zone.GetUtcOffset(at));

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);
}
