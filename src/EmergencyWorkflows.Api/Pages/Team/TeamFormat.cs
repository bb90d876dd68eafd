using System.Globalization;

namespace EmergencyWorkflows.Api.Pages.Team;

/// <summary>Numbers on the team pages (times go through <see cref="Web.DisplayTime"/>).</summary>
internal static class TeamFormat
{
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
