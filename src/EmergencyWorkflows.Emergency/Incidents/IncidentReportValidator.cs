using System.Text.RegularExpressions;

namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>
/// Checks a report against the plan's required fields and <see cref="IncidentReportLimits"/>. Errors are keyed by the
/// camelCase field name, ready for a validation ProblemDetails. Markup in free text is refused rather than escaped
/// later: reports are read in pages, e-mails and IM messages, and one missed escape in any of them would be enough.
/// </summary>
public sealed partial class IncidentReportValidator(IncidentReportLimits limits, TimeProvider time)
{
    public IReadOnlyDictionary<string, string[]> Validate(IncidentReport report) =>
        ValidateWithCodes(report).ToDictionary(e => e.Key, e => e.Value.Select(x => x.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>The same errors, each with its stable code (pages say it in the reader's language).</summary>
    public IReadOnlyDictionary<string, FieldError[]> ValidateWithCodes(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = new Dictionary<string, List<FieldError>>(StringComparer.Ordinal);
        void Add(string field, string code, string message, params string[] args)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(FieldError.Of(code, message, args));
        }

        static string N(double value) => value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

        var now = time.GetUtcNow();
        if (report.OccurredAt == default)
        {
            Add("occurredAt", "Required", "When it happened is required.");
        }
        else if (report.OccurredAt > now + limits.ClockSkewAllowance)
        {
            Add("occurredAt", "Report.Future", "When it happened cannot be in the future.");
        }
        else if (report.OccurredAt < now - limits.MaxAge)
        {
            Add("occurredAt", "Report.TooOld", $"When it happened is more than {limits.MaxAge.TotalDays:0} days ago; check the date.", N(limits.MaxAge.TotalDays));
        }

        Text("location", "Where it happened", report.Location, limits.MaxLocationLength, required: true);
        Text("initialSituation", "The initial situation", report.InitialSituation, limits.MaxSituationLength, required: true);

        if (report.PeopleInvolved is { Count: > 0 } people)
        {
            if (people.Count > limits.MaxPeopleListed)
            {
                Add("peopleInvolved", "Report.TooManyPeople", $"At most {limits.MaxPeopleListed} people can be listed; give the total in peopleAffected.", N(limits.MaxPeopleListed));
            }

            for (var i = 0; i < Math.Min(people.Count, limits.MaxPeopleListed); i++)
            {
                Text($"peopleInvolved[{i}]", "A person's name", people[i], limits.MaxNameLength, required: true);
            }
        }

        if (report.PeopleAffected < 0 || report.PeopleAffected > limits.MaxPeopleAffected)
        {
            Add("peopleAffected", "Report.PeopleAffectedRange", $"The number of people affected must be between 0 and {limits.MaxPeopleAffected}.", N(limits.MaxPeopleAffected));
        }

        if (report.Casualties is < 0)
        {
            Add("casualties", "Report.Negative", "The number of casualties cannot be negative.");
        }

        if (report.Reporter is null)
        {
            Add("reporter", "Report.ReporterRequired", "The reporter's contact details are required.");
        }
        else
        {
            Text("reporter.name", "The reporter's name", report.Reporter.Name, limits.MaxNameLength, required: true);
            if (string.IsNullOrWhiteSpace(report.Reporter.Phone) && string.IsNullOrWhiteSpace(report.Reporter.Email)
                && string.IsNullOrWhiteSpace(report.Reporter.ImAccount))
            {
                Add("reporter", "Report.ReporterContact", "Give at least one way to reach the reporter: phone, email or IM account.");
            }

            if (!string.IsNullOrWhiteSpace(report.Reporter.Phone) && !PhonePattern().IsMatch(report.Reporter.Phone))
            {
                Add("reporter.phone", "Report.Phone", "A phone number may hold digits, spaces, '+', '-' and parentheses only, 6 to 25 characters.");
            }

            if (!string.IsNullOrWhiteSpace(report.Reporter.Email) && !EmailPattern().IsMatch(report.Reporter.Email))
            {
                Add("reporter.email", "Report.Email", "The email address is not valid.");
            }

            Text("reporter.imAccount", "The IM account", report.Reporter.ImAccount, limits.MaxNameLength, required: false);
        }

        if (!Enum.IsDefined(report.Channel))
        {
            Add("channel", "Report.Channel", "The channel must be one of: " + string.Join(", ", Enum.GetNames<ReportChannel>()) + ".");
        }

        if (report.Category is { } category && !Enum.IsDefined(category))
        {
            Add("category", "Report.Category", "Unknown category.");
        }

        var attachments = report.Attachments ?? [];
        if (attachments.Count > limits.MaxAttachments)
        {
            Add("attachments", "Report.TooManyFiles", $"At most {limits.MaxAttachments} attachments are accepted.", N(limits.MaxAttachments));
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i];
            Text($"attachments[{i}].fileName", "The file name", attachment.FileName, 200, required: true);
            if (attachment.FileName?.IndexOfAny(['/', '\\']) >= 0)
            {
                Add($"attachments[{i}].fileName", "Report.FileNamePath", "A file name cannot contain a path.");
            }

            if (attachment.SizeBytes <= 0)
            {
                Add($"attachments[{i}]", "Report.FileEmpty", "The attachment is empty.");
            }
            else if (attachment.SizeBytes > limits.MaxAttachmentBytes)
            {
                Add($"attachments[{i}]", "Report.FileTooLarge", $"The attachment is larger than the limit of {limits.MaxAttachmentBytes / 1024 / 1024} MB.", N(limits.MaxAttachmentBytes / 1024 / 1024));
            }

            if (!limits.AllowedContentTypes.Contains(attachment.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                Add($"attachments[{i}].contentType", "Report.ContentType", $"'{attachment.ContentType}' is not accepted; use one of: {string.Join(", ", limits.AllowedContentTypes)}.",
                    attachment.ContentType ?? string.Empty, string.Join(", ", limits.AllowedContentTypes));
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

        void Text(string field, string label, string? value, int maxLength, bool required)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Add(field, "Required", $"{label} is required.");
                }

                return;
            }

            if (value.Length > maxLength)
            {
                Add(field, "TooLong", $"{label} is longer than {maxLength} characters.", N(maxLength));
            }

            if (MarkupPattern().IsMatch(value))
            {
                Add(field, "Markup", $"{label} cannot contain markup such as '<tag>'; write plain text.");
            }

            if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                Add(field, "ControlCharacters", $"{label} contains control characters.");
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
