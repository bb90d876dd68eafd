using EmergencyWorkflows.Emergency.Incidents;

namespace EmergencyWorkflows.Emergency.Sla;

/// <summary>The response target for a grade and category. Most specific rule wins:
/// grade and category, then grade only, then category only, then the default.</summary>
public sealed class SlaTargets
{
    private readonly TimeSpan _default;
    private readonly Dictionary<(IncidentGrade? Grade, IncidentCategory? Category), TimeSpan> _rules = [];

    public SlaTargets(SlaTargetsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DefaultResponse <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The default response target must be positive, was {options.DefaultResponse}.", nameof(options));
        }

        _default = options.DefaultResponse;
        foreach (var rule in options.Rules ?? [])
        {
            var key = ParseKey(rule);
            if (rule.Response <= TimeSpan.Zero)
            {
                throw new ArgumentException($"The response target for {Describe(key)} must be positive, was {rule.Response}.", nameof(options));
            }

            if (!_rules.TryAdd(key, rule.Response))
            {
                throw new ArgumentException($"The response target for {Describe(key)} is configured twice.", nameof(options));
            }
        }
    }

    public static SlaTargets PlanDefaults { get; } = new(new SlaTargetsOptions());

    /// <param name="category">Null while the category is unknown (a report in triage): grade rules and the default apply.</param>
    public TimeSpan ResponseTargetFor(IncidentGrade grade, IncidentCategory? category)
    {
        if (_rules.TryGetValue((grade, category), out var exact))
        {
            return exact;
        }

        if (_rules.TryGetValue((grade, null), out var byGrade))
        {
            return byGrade;
        }

        return category is not null && _rules.TryGetValue((null, category), out var byCategory) ? byCategory : _default;
    }

    private static (IncidentGrade?, IncidentCategory?) ParseKey(SlaTargetRule rule)
    {
        IncidentGrade? grade = null;
        if (rule.Grade is { } g)
        {
            if (g is < 1 or > 3)
            {
                throw new ArgumentException($"An SLA rule names grade {g}; grades are 1, 2 and 3.", nameof(rule));
            }

            grade = (IncidentGrade)g;
        }

        IncidentCategory? category = null;
        if (!string.IsNullOrWhiteSpace(rule.Category))
        {
            if (!IncidentCategoryKeys.TryParse(rule.Category, out var parsed))
            {
                throw new ArgumentException(
                    $"An SLA rule names category '{rule.Category}'; categories are {IncidentCategoryKeys.PersonnelSafety}, " +
                    $"{IncidentCategoryKeys.ServiceInterruption} and {IncidentCategoryKeys.ComplaintDispute}.",
                    nameof(rule));
            }

            category = parsed;
        }

        if (grade is null && category is null)
        {
            throw new ArgumentException("An SLA rule must name a grade, a category, or both (use DefaultResponse for the rest).", nameof(rule));
        }

        return (grade, category);
    }

    private static string Describe((IncidentGrade? Grade, IncidentCategory? Category) key) =>
        (key.Grade, key.Category) switch
        {
            ({ } g, { } c) => $"grade {(int)g} / {c.ToKey()}",
            ({ } g, null) => $"grade {(int)g}",
            (null, { } c) => c.ToKey(),
            _ => "the default",
        };
}
