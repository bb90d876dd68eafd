using System.Globalization;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Lead;

/// <summary>Durations and instants as the lead's pages write them, in the page's language.</summary>
internal static class LeadFormat
{
    public static string Span(IStringLocalizer<LeadText> l, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(l);
        var s = span.Duration();
        return s.TotalMinutes < 1 ? l["Span.Seconds", (int)s.TotalSeconds]
            : s.TotalHours < 1 ? l["Span.Minutes", (int)s.TotalMinutes]
            : s.TotalDays < 1 ? l["Span.Hours", (int)s.TotalHours, s.Minutes]
            : l["Span.Days", (int)s.TotalDays, s.Hours];
    }

    /// <summary>The countdown text site.js writes ("m:ss" or "h:mm:ss"), for the first paint before the script ticks.</summary>
    public static string Clock(TimeSpan span)
    {
        var s = span.Duration();
        var total = (long)s.TotalSeconds;
        var (h, m, sec) = (total / 3600, total % 3600 / 60, total % 60);
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{sec:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{m}:{sec:00}");
    }

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The CommonText key of a category key (personnel-safety → Category.PersonnelSafety).</summary>
    public static string CategoryKey(string? category) => category switch
    {
        "personnel-safety" => "Category.PersonnelSafety",
        "service-interruption" => "Category.ServiceInterruption",
        "complaint-dispute" => "Category.ComplaintDispute",
        _ => "Category.Unknown",
    };

    public static string GradeKey(int? grade) => grade is 1 or 2 or 3 ? "Grade." + grade.Value.ToString(CultureInfo.InvariantCulture) : "Grade.None";
}
