using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>One field of a human task's form.</summary>
public sealed record TaskFormField(string Name, string Label, string Type, bool Required);

/// <summary>Parses a human task's form fields and checks a submitted form against them.</summary>
public static class TaskForm
{
    public static readonly IReadOnlyList<string> Types = ["text", "number", "boolean", "date"];

    public static IReadOnlyList<TaskFormField> Parse(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            node = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }

        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw new InvalidOperationException("Emergency.HumanTask: formFields must be a JSON array.");
        }

        var fields = new List<TaskFormField>();
        foreach (var item in array)
        {
            var name = (string?)item?["name"];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new InvalidOperationException("Emergency.HumanTask: every form field needs a name.");
            }

            var type = ((string?)item!["type"] ?? "text").ToLowerInvariant();
            if (!Types.Contains(type))
            {
                throw new InvalidOperationException($"Emergency.HumanTask: form field '{name}' has type '{type}', not one of {string.Join(", ", Types)}.");
            }

            fields.Add(new TaskFormField(name, (string?)item["label"] ?? name, type, item["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req));
        }

        return fields;
    }

    public static JsonArray ToJson(IEnumerable<TaskFormField> fields) =>
        new([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["label"] = f.Label, ["type"] = f.Type, ["required"] = f.Required })]);

    /// <summary>The problems of a submitted form (empty when valid): missing required fields, wrong types, unknown fields.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<TaskFormField> fields, JsonObject? form)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new List<string>();
        form ??= [];
        foreach (var field in fields)
        {
            var value = form[field.Name];
            if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
            {
                if (field.Required)
                {
                    errors.Add($"'{field.Name}' ({field.Label}) is required.");
                }

                continue;
            }

            if (!Fits(field.Type, value))
            {
                errors.Add($"'{field.Name}' must be a {field.Type}.");
            }
        }

        errors.AddRange(form.Select(p => p.Key).Where(k => !fields.Any(f => f.Name == k)).Select(k => $"'{k}' is not a field of this task."));
        return errors;
    }

    private static bool Fits(string type, JsonNode value) => type switch
    {
        "number" => value.GetValueKind() == JsonValueKind.Number,
        "boolean" => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "date" => value.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse((string?)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ => value.GetValueKind() == JsonValueKind.String,
    };
}
