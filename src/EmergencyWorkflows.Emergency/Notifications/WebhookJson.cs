using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>Shared serialization for webhook bodies: compact, and Chinese text left readable (not \u-escaped).</summary>
internal static class WebhookJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static string PlainText(Notification n, string ackLabel) =>
        string.IsNullOrEmpty(n.Subject)
            ? $"{n.Text}\n{ackLabel}: {n.AckUrl.AbsoluteUri}"
            : $"{n.Subject}\n{n.Text}\n{ackLabel}: {n.AckUrl.AbsoluteUri}";

    public static string Markdown(Notification n, string ackLabel) =>
        $"### {n.Subject}\n{n.Text}\n\n[{ackLabel}]({n.AckUrl.AbsoluteUri})";
}
