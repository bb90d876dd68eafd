using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>One field of a human task's form; <paramref name="LabelZh"/> is its label on Chinese pages (null: the English one).</summary>
public sealed record TaskFormField(string Name, string Label, string Type, bool Required, string? LabelZh = null)
{
    /// <summary>The label in <paramref name="culture"/>'s language (Chinese when given, else English).</summary>
    public string LabelIn(CultureInfo culture) => TaskTexts.Pick(Label, LabelZh, culture);
}

/// <summary>Parses a human task's form fields and checks a submitted form against them.</summary>
public static class TaskForm
{
    public static readonly IReadOnlyList<string> Types = ["text", "number", "boolean", "date"];

    public static IReadOnlyList<TaskFormField> Parse(JsonNode? node)
    {
        node = JsonInput.Structured(node);

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
            if (item is not JsonObject field)
            {
                throw new InvalidOperationException("Emergency.HumanTask: every form field must be a JSON object like {\"name\": \"cause\", \"label\": \"Cause\"}.");
            }

            var name = TaskTexts.Text(field["name"], "a form field's name");
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new InvalidOperationException("Emergency.HumanTask: every form field needs a name.");
            }

            var type = (TaskTexts.Text(field["type"], $"form field '{name}' type") ?? "text").ToLowerInvariant();
            if (!Types.Contains(type))
            {
                throw new InvalidOperationException($"Emergency.HumanTask: form field '{name}' has type '{type}', not one of {string.Join(", ", Types)}.");
            }

            var label = TaskTexts.Text(field["label"], $"form field '{name}' label");
            var labelZh = TaskTexts.Text(field["labelZh"], $"form field '{name}' labelZh");
            fields.Add(new TaskFormField(name, label ?? name, type, field["required"] is JsonValue r && r.TryGetValue<bool>(out var req) && req,
                string.IsNullOrWhiteSpace(labelZh) ? null : labelZh));
        }

        return fields;
    }

    public static JsonArray ToJson(IEnumerable<TaskFormField> fields) => new([.. fields.Select(ToJson)]);

    private static JsonNode ToJson(TaskFormField field)
    {
        var json = new JsonObject { ["name"] = field.Name, ["label"] = field.Label, ["type"] = field.Type, ["required"] = field.Required };
        if (field.LabelZh is not null)
        {
            json["labelZh"] = field.LabelZh;
        }

        return json;
    }

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
