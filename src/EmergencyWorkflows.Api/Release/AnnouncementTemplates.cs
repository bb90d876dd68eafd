using System.Globalization;
using System.Text;
using EmergencyWorkflows.Persistence.Incidents;

namespace EmergencyWorkflows.Api.Release;

/// <summary>One announcement template: a title and a body with <c>{{placeholder}}</c> fields.</summary>
internal sealed record AnnouncementTemplate(string Title, string Body);

/// <summary>
/// Announcement templates per category and language, from <c>Emergency:Announcements:Templates:{category}:{language}</c>
/// (category <c>default</c> applies to every category without its own), over built-in Chinese and English defaults.
/// Placeholders: incident, category, level, status, location, occurredAt, message. Unknown placeholders stay as
/// written so a typo is visible in the announcement rather than silently empty.
/// </summary>
internal sealed class AnnouncementTemplates(IReadOnlyDictionary<string, Dictionary<string, AnnouncementTemplate>> configured)
{
    public const string Section = "Emergency:Announcements:Templates";
    public const string DefaultCategory = "default";
    public static readonly string[] Languages = ["zh", "en"];

    private static readonly Dictionary<string, AnnouncementTemplate> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh"] = new("【突发事件通报】{{category}}（{{level}}）", "事件编号 {{incident}}，地点：{{location}}，当前状态：{{status}}。\n{{message}}"),
        ["en"] = new("[Incident notice] {{category}} ({{level}})", "Incident {{incident}} at {{location}}, now {{status}}.\n{{message}}"),
    };

    public AnnouncementTemplate For(string? category, string language)
    {
        foreach (var key in new[] { category ?? DefaultCategory, DefaultCategory })
        {
            if (configured.TryGetValue(key, out var byLanguage) && byLanguage.TryGetValue(language, out var template))
            {
                return template;
            }
        }

        return BuiltIn[language];
    }

    public static string Render(string template, IncidentRecord incident, string message)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["incident"] = incident.Id,
            ["category"] = incident.Category ?? "unknown",
            ["level"] = incident.Grade is { } grade ? $"Level {grade.ToString(CultureInfo.InvariantCulture)}" : "ungraded",
            ["status"] = incident.Status,
            ["location"] = incident.Location,
            ["occurredAt"] = incident.OccurredAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["message"] = message,
        };
        var output = new StringBuilder(template.Length + message.Length);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                output.Append(template, at, template.Length - at);
                break;
            }

            output.Append(template, at, open - at);
            var name = template[(open + 2)..close].Trim();
            output.Append(values.TryGetValue(name, out var value) ? value : template[open..(close + 2)]);
            at = close + 2;
        }

        return output.ToString();
    }

    public static AnnouncementTemplates From(IConfiguration configuration)
    {
        var configured = new Dictionary<string, Dictionary<string, AnnouncementTemplate>>(StringComparer.OrdinalIgnoreCase);
        foreach (var category in configuration.GetSection(Section).GetChildren())
        {
            var byLanguage = new Dictionary<string, AnnouncementTemplate>(StringComparer.OrdinalIgnoreCase);
            foreach (var language in category.GetChildren())
            {
                var title = language["Title"];
                var body = language["Body"];
                if (!string.IsNullOrWhiteSpace(title) && !string.IsNullOrWhiteSpace(body))
                {
                    byLanguage[language.Key] = new AnnouncementTemplate(title, body);
                }
            }

            configured[category.Key] = byLanguage;
        }

        return new AnnouncementTemplates(configured);
    }
}
