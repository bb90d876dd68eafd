using System.Globalization;

namespace EmergencyWorkflows.Api.Pages.Team;

/// <summary>Times on the team pages are UTC, as the API stores them: a <c>datetime-local</c> input read and written as UTC.</summary>
internal static class TeamFormat
{
    private static readonly string[] InputFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    public static string Input(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Display(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Empty → (true, null); a UTC date and time → (true, value); anything else → (false, null).</summary>
    public static (bool Ok, DateTimeOffset? Value) ParseUtc(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, null);
        }

        return DateTime.TryParseExact(text.Trim(), InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? (true, new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc)))
            : (false, null);
    }

    /// <summary>Empty → (true, null); a non-negative number → (true, value); anything else → (false, null).</summary>
    public static (bool Ok, double? Value) ParseNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (true, null);
        }

        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? (true, value)
            : (false, null);
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
