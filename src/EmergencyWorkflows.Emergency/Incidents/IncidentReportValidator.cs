using System.Text.RegularExpressions;

namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>
/// Checks a report against the plan's required fields and <see cref="IncidentReportLimits"/>. Errors are keyed by the
/// camelCase field name, ready for a validation ProblemDetails. Markup in free text is refused rather than escaped
/// later: reports are read in pages, e-mails and IM messages, and one missed escape in any of them would be enough.
/// </summary>
public sealed partial class IncidentReportValidator(IncidentReportLimits limits, TimeProvider time)
{
    public IReadOnlyDictionary<string, string[]> Validate(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var now = time.GetUtcNow();
        if (report.OccurredAt == default)
        {
            Add("occurredAt", "When it happened is required.");
        }
        else if (report.OccurredAt > now + limits.ClockSkewAllowance)
        {
            Add("occurredAt", "When it happened cannot be in the future.");
        }
        else if (report.OccurredAt < now - limits.MaxAge)
        {
            Add("occurredAt", $"When it happened is more than {limits.MaxAge.TotalDays:0} days ago; check the date.");
        }

        Text("location", "Where it happened", report.Location, limits.MaxLocationLength, required: true);
        Text("initialSituation", "The initial situation", report.InitialSituation, limits.MaxSituationLength, required: true);

        if (report.PeopleInvolved is { Count: > 0 } people)
        {
            if (people.Count > limits.MaxPeopleListed)
            {
                Add("peopleInvolved", $"At most {limits.MaxPeopleListed} people can be listed; give the total in peopleAffected.");
            }

            for (var i = 0; i < Math.Min(people.Count, limits.MaxPeopleListed); i++)
            {
                Text($"peopleInvolved[{i}]", "A person's name", people[i], limits.MaxNameLength, required: true);
            }
        }

        if (report.PeopleAffected < 0 || report.PeopleAffected > limits.MaxPeopleAffected)
        {
            Add("peopleAffected", $"The number of people affected must be between 0 and {limits.MaxPeopleAffected}.");
        }

        if (report.Casualties is < 0)
        {
            Add("casualties", "The number of casualties cannot be negative.");
        }

        if (report.Reporter is null)
        {
            Add("reporter", "The reporter's contact details are required.");
        }
        else
        {
            Text("reporter.name", "The reporter's name", report.Reporter.Name, limits.MaxNameLength, required: true);
            if (string.IsNullOrWhiteSpace(report.Reporter.Phone) && string.IsNullOrWhiteSpace(report.Reporter.Email)
                && string.IsNullOrWhiteSpace(report.Reporter.ImAccount))
            {
                Add("reporter", "Give at least one way to reach the reporter: phone, email or IM account.");
            }

            if (!string.IsNullOrWhiteSpace(report.Reporter.Phone) && !PhonePattern().IsMatch(report.Reporter.Phone))
            {
                Add("reporter.phone", "A phone number may hold digits, spaces, '+', '-' and parentheses only, 6 to 25 characters.");
            }

            if (!string.IsNullOrWhiteSpace(report.Reporter.Email) && !EmailPattern().IsMatch(report.Reporter.Email))
            {
                Add("reporter.email", "The email address is not valid.");
            }

            Text("reporter.imAccount", "The IM account", report.Reporter.ImAccount, limits.MaxNameLength, required: false);
        }

        if (!Enum.IsDefined(report.Channel))
        {
            Add("channel", "The channel must be one of: " + string.Join(", ", Enum.GetNames<ReportChannel>()) + ".");
        }

        if (report.Category is { } category && !Enum.IsDefined(category))
        {
            Add("category", "Unknown category.");
        }

        var attachments = report.Attachments ?? [];
        if (attachments.Count > limits.MaxAttachments)
        {
            Add("attachments", $"At most {limits.MaxAttachments} attachments are accepted.");
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i];
            Text($"attachments[{i}].fileName", "The file name", attachment.FileName, 200, required: true);
            if (attachment.FileName?.IndexOfAny(['/', '\\']) >= 0)
            {
                Add($"attachments[{i}].fileName", "A file name cannot contain a path.");
            }

            if (attachment.SizeBytes <= 0)
            {
                Add($"attachments[{i}]", "The attachment is empty.");
            }
            else if (attachment.SizeBytes > limits.MaxAttachmentBytes)
            {
                Add($"attachments[{i}]", $"The attachment is larger than the limit of {limits.MaxAttachmentBytes / 1024 / 1024} MB.");
            }

            if (!limits.AllowedContentTypes.Contains(attachment.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                Add($"attachments[{i}].contentType", $"'{attachment.ContentType}' is not accepted; use one of: {string.Join(", ", limits.AllowedContentTypes)}.");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

        void Text(string field, string label, string? value, int maxLength, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Add(field, $"{label} is required.");
                }

                return;
            }

            if (value.Length > maxLength)
            {
                Add(field, $"{label} is longer than {maxLength} characters.");
            }

            if (MarkupPattern().IsMatch(value))
            {
                Add(field, $"{label} cannot contain markup such as '<tag>'; write plain text.");
            }

            if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                Add(field, $"{label} contains control characters.");
            }
        }
    }

    [GeneratedRegex(@"<\s*[/!?a-zA-Z]")]
    private static partial Regex MarkupPattern();

    [GeneratedRegex(@"^\+?[0-9()\-\s]{6,25}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex EmailPattern();
}
