using System.Globalization;
using System.Text.RegularExpressions;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Api.Web;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages;

/// <summary>
/// Writes a timeline line in the page's language: the line's key picks the sentence from <see cref="TimelineLines"/>,
/// each named argument is written by what its name says (see <see cref="TimelineMessage"/>): statuses, grades,
/// categories, channels, methods and roles by their page texts, instants (<c>*Due</c>, <c>due</c>) in the page's time
/// format in the display zone (<see cref="DisplayTime"/>) with its offset. A line without a
/// key (written before keys existed) or with a key the resources do not know shows its stored English summary.
/// </summary>
internal static partial class TimelineFormat
{
    public static string Line(IStringLocalizer<TimelineLines> lines, IStringLocalizer<CommonText> common, DisplayTime display, TimelineView entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Line(lines, common, display, entry.MessageKey, entry.Args, entry.Summary);
    }

    public static string Line(IStringLocalizer<TimelineLines> lines, IStringLocalizer<CommonText> common, DisplayTime display, IncidentTimelineRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Line(lines, common, display, entry.MessageKey, entry.MessageKey is null ? null : TimelineMessage.ParseArgs(entry.MessageArgs), entry.Summary);
    }

    public static string Line(IStringLocalizer<TimelineLines> lines, IStringLocalizer<CommonText> common, DisplayTime display,
        string? key, IReadOnlyDictionary<string, string?>? args, string summary)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(common);
        ArgumentNullException.ThrowIfNull(display);
        if (key is null)
        {
            return summary;
        }

        var template = lines["Line." + key];
        if (template.ResourceNotFound)
        {
            return summary;
        }

        // A task line names the task by its Chinese title for Chinese readers when the task has one.
        var chinese = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
        return Placeholder().Replace(template.Value, m =>
        {
            var name = m.Groups[1].Value;
            if (args is null)
            {
                return m.Value;
            }

            if (name == "title" && chinese && args.TryGetValue("titleZh", out var zh) && !string.IsNullOrWhiteSpace(zh))
            {
                return zh;
            }

            return args.TryGetValue(name, out var value) ? Arg(lines, common, display, name, value) : m.Value;
        });
    }

    private static string Arg(IStringLocalizer<TimelineLines> lines, IStringLocalizer<CommonText> common, DisplayTime display, string name, string? value)
    {
        if (name.EndsWith("Grade", StringComparison.Ordinal) || name == "grade")
        {
            return common[value is "1" or "2" or "3" ? "Grade." + value : "Grade.None"];
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return lines["Unknown"];
        }

        if (name.EndsWith("Status", StringComparison.Ordinal))
        {
            return Text(common, "Status." + value, value);
        }

        if (name.EndsWith("Due", StringComparison.Ordinal) || name == "due")
        {
            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? string.Format(CultureInfo.InvariantCulture, lines["Format.TimeInZone"],
                    TimeZoneInfo.ConvertTime(at, display.Zone).ToString(lines["Format.Time"], CultureInfo.InvariantCulture), display.ZoneLabel(at))
                : value;
        }

        return name switch
        {
            "category" => common[Respond.RespondFormat.CategoryKey(value)],
            "via" => Text(common, "Channel." + value, value),
            "responseVia" => Text(lines, "Via." + value.Split(':')[0], value),
            "channel" => Text(lines, "Channel." + value, value),
            "channels" => List(lines, value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), c => Text(lines, "Channel." + c, c)),
            "methods" => List(lines, value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), m => Text(lines, "Method." + m, m)),
            "topic" => Text(lines, "Topic." + value.Split(':')[0], value),
            "outcome" => Text(lines, "Outcome." + value, value),
            "assignee" or "fromWho" or "toWho" => AuthRoles.Normalize(value) is { } role ? lines["Role." + role] : value,
            _ => value,
        };
    }

    private static string Text(IStringLocalizer localizer, string key, string fallback)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    private static string List(IStringLocalizer<TimelineLines> lines, IEnumerable<string> items, Func<string, string> each) =>
        string.Join(lines["List.Separator"], items.Select(each));

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
