using System.Globalization;
using System.Text.Json;

namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>
/// A timeline line as a stable key with its arguments, so a page says it in the reader's language, and the English
/// sentence stored as the entry's summary (what the API returns). Argument names tell a page how to write the value:
/// <c>*Status</c> a status, <c>*Grade</c> a grade 1-3, <c>category</c> a category key, <c>methods</c> assessment
/// methods, <c>via</c> a report channel, <c>channel</c>/<c>channels</c> notification or announcement channels,
/// <c>*Due</c> an instant (ISO 8601), <c>assignee</c>/<c>fromWho</c>/<c>toWho</c> a person or a role; anything else
/// is shown as stored. Every key is built by one method of <see cref="TimelineMessages"/>.
/// </summary>
public sealed record TimelineMessage(string Key, IReadOnlyDictionary<string, string?> Args, string English)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ArgsJson() => JsonSerializer.Serialize(Args, Json);

    public static IReadOnlyDictionary<string, string?> ParseArgs(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new Dictionary<string, string?>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json, Json) ?? new Dictionary<string, string?>(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new Dictionary<string, string?>(StringComparer.Ordinal);
        }
    }

    /// <summary>The same line with the Chinese title of its task (argument <c>titleZh</c>), which Chinese pages write
    /// instead of <c>title</c>; unchanged when there is none.</summary>
    public TimelineMessage WithTitleZh(string? titleZh) => string.IsNullOrWhiteSpace(titleZh)
        ? this
        : this with { Args = new Dictionary<string, string?>(Args, StringComparer.Ordinal) { ["titleZh"] = titleZh.Trim() } };

    internal static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
