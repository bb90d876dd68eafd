using Microsoft.AspNetCore.Html;

namespace EmergencyWorkflows.Api.Pages.Employee;

/// <summary>
/// A form's errors by field id (the id of the input they belong to), rendered next to the field and in the summary.
/// Messages are text, always HTML-encoded when rendered.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public IEnumerable<(string Field, string Message)> All => byField.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            byField[field] = messages = [];
        }

        if (!messages.Contains(message, StringComparer.Ordinal))
        {
            messages.Add(message);
        }
    }

    public bool Has(string field) => byField.ContainsKey(field);

    /// <summary>aria-invalid for the field's input: "true" or nothing (the attribute is left out).</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    /// <summary>aria-describedby for the field's input when it has errors.</summary>
    public string? DescribedBy(string field, string? hint = null) =>
        Has(field) ? (hint is null ? $"{field}-error" : $"{hint} {field}-error") : hint;

    /// <summary>The field's messages as <c>&lt;p class="field-error" id="{field}-error"&gt;</c>, or nothing.</summary>
    public IHtmlContent For(string field)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            return HtmlString.Empty;
        }

        var html = new HtmlContentBuilder();
        html.AppendHtml($"<p class=\"field-error\" id=\"{field}-error\">");
        html.Append(string.Join(" ", messages));
        html.AppendHtml("</p>");
        return html;
    }
}
