using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Runtime.Expressions;
using Fluid;

namespace EmergencyWorkflows.Api.Release;

/// <summary>One announcement template: a Liquid title and body.</summary>
internal sealed record AnnouncementTemplate(string Title, string Body);

/// <summary>An announcement as rendered: plain-text title and body, and the body for HTML (every field encoded).</summary>
internal sealed record RenderedAnnouncement(string Title, string Body, string BodyHtml);

/// <summary>
/// Announcement templates per category and language in Liquid (rendered by Fluid through the Runtime's
/// <see cref="LiquidTemplate"/>), from <c>Emergency:Announcements:Templates:{category}:{language}</c> (category
/// <c>default</c> applies to every category without its own), over built-in Chinese and English ones per category.
/// Variables: incident, category, grade, level, status, location, occurredAt, summary (the initial situation), message.
/// A variable the model lacks renders as written, so a typo is visible in the announcement rather than silently empty.
/// A configured template that does not parse stops the start with the key and the parser's message.
/// </summary>
internal sealed class AnnouncementTemplates
{
    public const string Section = "Emergency:Announcements:Templates";
    public const string DefaultCategory = "default";
    public static readonly string[] Languages = ["zh", "en"];

    private static readonly Dictionary<string, Dictionary<string, AnnouncementTemplate>> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        [DefaultCategory] = Both(
            new("【突发事件通报】{{ category }}（{{ level }}）", "事件编号 {{ incident }}，地点：{{ location }}，当前状态：{{ status }}。\n{{ message }}"),
            new("[Incident notice] {{ category }} ({{ level }})", "Incident {{ incident }} at {{ location }}, now {{ status }}.\n{{ message }}")),
        ["personnel-safety"] = Both(
            new("【人员安全通报】{{ location }}（{{ level }}）", "{{ occurredAt }} 在 {{ location }} 发生人员安全事件，当前状态：{{ status }}。\n{{ message }}"),
            new("[Personnel safety] {{ location }} ({{ level }})", "A personnel safety incident at {{ location }} on {{ occurredAt }}; now {{ status }}.\n{{ message }}")),
        ["service-interruption"] = Both(
            new("【服务中断通报】{{ location }}（{{ level }}）", "服务中断（{{ occurredAt }} 起），当前状态：{{ status }}。\n{{ message }}"),
            new("[Service interruption] {{ location }} ({{ level }})", "Service interrupted since {{ occurredAt }}; now {{ status }}.\n{{ message }}")),
        ["complaint-dispute"] = Both(
            new("【投诉纠纷处理进展】{{ level }}", "投诉/纠纷（{{ occurredAt }}，{{ location }}）处理进展，当前状态：{{ status }}。\n{{ message }}"),
            new("[Complaint / dispute update] {{ level }}", "The complaint or dispute of {{ occurredAt }} at {{ location }} is now {{ status }}.\n{{ message }}")),
    };

    // Markup-significant characters encoded, Chinese (and every other script) kept readable.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<string, Dictionary<string, (LiquidTemplate Title, LiquidTemplate Body)>> parsed =
        new(StringComparer.OrdinalIgnoreCase);

    public AnnouncementTemplates(IReadOnlyDictionary<string, Dictionary<string, AnnouncementTemplate>> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        foreach (var (category, byLanguage) in BuiltIn.Concat(configured))
        {
            var into = parsed.TryGetValue(category, out var existing) ? existing : parsed[category] = new(StringComparer.OrdinalIgnoreCase);
            foreach (var (language, template) in byLanguage)
            {
                into[language] = (ParseOrThrow(template.Title, $"{Section}:{category}:{language}:Title"),
                    ParseOrThrow(template.Body, $"{Section}:{category}:{language}:Body"));
            }
        }
    }

    /// <summary>The category's template in the language, else the default category's, else the built-in default.</summary>
    public (LiquidTemplate Title, LiquidTemplate Body) For(string? category, string language)
    {
        foreach (var key in new[] { category ?? DefaultCategory, DefaultCategory })
        {
            if (parsed.TryGetValue(key, out var byLanguage) && byLanguage.TryGetValue(language, out var template))
            {
                return template;
            }
        }

        return parsed[DefaultCategory][language];
    }

    /// <summary>Null with the reason when <paramref name="text"/> is not valid Liquid.</summary>
    public static string? WhyInvalid(string text, out LiquidTemplate? template) =>
        LiquidTemplate.TryParse(text, out template, out var error) ? null : error;

    public static RenderedAnnouncement Render(LiquidTemplate title, LiquidTemplate body, IncidentRecord incident, string message)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        var model = Model(incident, message);
        return new RenderedAnnouncement(
            title.Render(model, NullEncoder.Default),
            body.Render(model, NullEncoder.Default),
            body.Render(model, Html));
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

    private static JsonObject Model(IncidentRecord incident, string message) => new()
    {
        ["incident"] = incident.Id,
        ["category"] = incident.Category ?? "unknown",
        ["grade"] = incident.Grade,
        ["level"] = incident.Grade is { } grade ? $"Level {grade.ToString(CultureInfo.InvariantCulture)}" : "ungraded",
        ["status"] = incident.Status,
        ["location"] = incident.Location,
        ["occurredAt"] = incident.OccurredAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        ["summary"] = incident.InitialSituation,
        ["message"] = message,
    };

    private static LiquidTemplate ParseOrThrow(string text, string key) =>
        WhyInvalid(text, out var template) is { } error
            ? throw new InvalidOperationException($"{key} is not a valid Liquid template: {error}")
            : template!;

    private static Dictionary<string, AnnouncementTemplate> Both(AnnouncementTemplate zh, AnnouncementTemplate en) =>
        new(StringComparer.OrdinalIgnoreCase) { ["zh"] = zh, ["en"] = en };
}
