using System.Globalization;
using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>An outcome's button text in English and Chinese; either may be missing (then the page's own word for the outcome).</summary>
public sealed record TaskOutcomeLabel(string? Label, string? LabelZh)
{
    /// <summary>The text in <paramref name="culture"/>'s language, falling back to English, or null when the task names none.</summary>
    public string? In(CultureInfo culture) =>
        TaskTexts.IsChinese(culture) && !string.IsNullOrWhiteSpace(LabelZh) ? LabelZh : string.IsNullOrWhiteSpace(Label) ? null : Label;
}

/// <summary>
/// A human task's texts per language. English is the task's own <c>title</c> / <c>instructions</c> / field <c>label</c>
/// (always there, so definitions written before the Chinese texts stay valid); Chinese is the optional <c>titleZh</c>,
/// <c>instructionsZh</c>, field <c>labelZh</c> and <c>outcomeLabels</c> <c>labelZh</c>, shown when the page is Chinese.
/// </summary>
public static class TaskTexts
{
    public static bool IsChinese(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "zh";
    }

    /// <summary>The Chinese text on Chinese pages when there is one, else the English.</summary>
    public static string Pick(string english, string? chinese, CultureInfo culture) =>
        IsChinese(culture) && !string.IsNullOrWhiteSpace(chinese) ? chinese : english;

    /// <summary>A JSON text property (null when absent); anything else than a string is refused naming <paramref name="what"/>.</summary>
    public static string? Text(JsonNode? node, string what) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => throw new InvalidOperationException($"Emergency.HumanTask: {what} must be text, not {node.ToJsonString()}."),
    };

    /// <summary>
    /// <c>outcomeLabels</c>: a JSON object from outcome to <c>{"label": "...", "labelZh": "..."}</c>, e.g.
    /// <c>{"Done": {"label": "Everyone evacuated", "labelZh": "人员已全部疏散"}}</c>. Every key must be one of
    /// <paramref name="outcomes"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, TaskOutcomeLabel> ParseOutcomeLabels(JsonNode? node, IReadOnlyCollection<string> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        node = JsonInput.Structured(node);

        var labels = new Dictionary<string, TaskOutcomeLabel>(StringComparer.Ordinal);
        if (node is null)
        {
            return labels;
        }

        if (node is not JsonObject map)
        {
            throw new InvalidOperationException(
                "Emergency.HumanTask: outcomeLabels must be a JSON object like {\"Done\": {\"label\": \"Everyone evacuated\", \"labelZh\": \"人员已全部疏散\"}}.");
        }

        foreach (var (outcome, item) in map)
        {
            if (!outcomes.Contains(outcome))
            {
                throw new InvalidOperationException(
                    $"Emergency.HumanTask: outcomeLabels names '{outcome}', which is not one of the task's outcomes ({string.Join(", ", outcomes)}).");
            }

            if (item is not JsonObject texts)
            {
                throw new InvalidOperationException($"Emergency.HumanTask: outcomeLabels '{outcome}' must be an object with \"label\" and/or \"labelZh\".");
            }

            var unknown = texts.Select(p => p.Key).FirstOrDefault(k => k is not ("label" or "labelZh"));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"Emergency.HumanTask: outcomeLabels '{outcome}' has '{unknown}'; only \"label\" and \"labelZh\" are known.");
            }

            labels[outcome] = new TaskOutcomeLabel(
                Blank(Text(texts["label"], $"outcomeLabels '{outcome}' label")), Blank(Text(texts["labelZh"], $"outcomeLabels '{outcome}' labelZh")));
        }

        return labels;
    }

    public static JsonObject? ToJson(IReadOnlyDictionary<string, TaskOutcomeLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            return null;
        }

        var json = new JsonObject();
        foreach (var (outcome, label) in labels)
        {
            var texts = new JsonObject();
            if (label.Label is not null)
            {
                texts["label"] = label.Label;
            }

            if (label.LabelZh is not null)
            {
                texts["labelZh"] = label.LabelZh;
            }

            json[outcome] = texts;
        }

        return json;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
