using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Sla;

namespace EmergencyWorkflows.Emergency.Metrics;

/// <summary>
/// The emergency team's response metrics from the incidents' own SLA records: time to acknowledge and to arrive by grade
/// and category, SLA compliance per day or week, and how many incidents were reported, closed and open. An incident
/// never acknowledged whose deadline has passed is a breach, exactly like a late response.
/// </summary>
public static class SlaMetrics
{
    public const string AcknowledgeKind = "acknowledge";
    public const string ArriveKind = "arrive";

    /// <summary>The group of incidents not graded yet.</summary>
    public const string NoGradeKey = "none";

    /// <summary>The group of incidents whose category is unknown (triage).</summary>
    public const string UnknownCategoryKey = "unknown";

    /// <summary>Periods longer than a month are shown per week, shorter ones per day.</summary>
    public static readonly TimeSpan DailyUpTo = TimeSpan.FromDays(31);

    public static MetricsBucket BucketFor(DateTimeOffset from, DateTimeOffset to) => to - from > DailyUpTo ? MetricsBucket.Week : MetricsBucket.Day;

    public static SlaOutcome Classify(IncidentSample incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Sla is not { } sla)
        {
            return SlaOutcome.NoSla;
        }

        if (sla.RespondedAt is { } responded)
        {
            return responded <= sla.Deadline ? SlaOutcome.Met : SlaOutcome.Late;
        }

        if (sla.State == SlaState.Breached)
        {
            return SlaOutcome.NeverAcknowledged;
        }

        if (incident.Cancelled)
        {
            // A false alarm cancelled before its deadline owed no response; one cancelled after it had already breached.
            return incident.ClosedAt is { } cancelledAt && cancelledAt > sla.Deadline ? SlaOutcome.NeverAcknowledged : SlaOutcome.Cancelled;
        }

        return now >= sla.Deadline ? SlaOutcome.NeverAcknowledged : SlaOutcome.Pending;
    }

    /// <summary>
    /// The report for incidents reported in [<paramref name="from"/>, <paramref name="to"/>). <paramref name="incidents"/>
    /// may also hold incidents reported before <paramref name="from"/> that were still open then: they count in the open
    /// series only. <paramref name="category"/> and <paramref name="grade"/> say which filter the caller applied (they
    /// narrow the groups and the targets shown); they do not filter <paramref name="incidents"/> again.
    /// </summary>
    public static MetricsReport Compute(
        IReadOnlyCollection<IncidentSample> incidents,
        DateTimeOffset from,
        DateTimeOffset to,
        DateTimeOffset now,
        SlaTargets targets,
        IncidentCategory? category = null,
        IncidentGrade? grade = null,
        MetricsBucket? bucket = null)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(targets);
        if (to <= from)
        {
            throw new ArgumentException($"The period must end after it starts ({from:O} .. {to:O}).", nameof(to));
        }

        var inPeriod = incidents.Where(i => i.ReportedAt >= from && i.ReportedAt < to).ToList();
        var outcomes = inPeriod.ToDictionary(i => i, i => Classify(i, now));
        var size = bucket ?? BucketFor(from, to);

        var totals = new SlaTotals(
            inPeriod.Count,
            outcomes.Values.Count(o => o == SlaOutcome.Met),
            outcomes.Values.Count(o => o == SlaOutcome.Late),
            outcomes.Values.Count(o => o == SlaOutcome.NeverAcknowledged),
            outcomes.Values.Count(o => o == SlaOutcome.Pending),
            outcomes.Values.Count(o => o == SlaOutcome.Cancelled),
            outcomes.Values.Count(o => o == SlaOutcome.NoSla));

        var grades = grade is { } g ? [g] : Enum.GetValues<IncidentGrade>();
        var categories = category is { } c ? [c] : Enum.GetValues<IncidentCategory>();
        var gradeGroups = GradeGroups(inPeriod, grade, grades, categories, targets);
        var categoryGroups = CategoryGroups(inPeriod, category, grades, categories, targets);

        return new MetricsReport(
            from,
            to,
            now,
            size,
            category,
            grade,
            totals,
            Distribution(AcknowledgeKind, gradeGroups, categoryGroups, outcomes),
            Distribution(ArriveKind, gradeGroups, categoryGroups, outcomes),
            Buckets(from, to, size).Select(b => Compliance(b.Start, b.End, inPeriod, outcomes)).ToList(),
            Buckets(from, to, size).Select(b => Volume(b.Start, b.End, incidents, now)).ToList());
    }

    /// <summary>The nearest-rank quantile (p in (0, 1]): the smallest value with at least p of the values at or below it.</summary>
    public static TimeSpan? Quantile(IEnumerable<TimeSpan> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Buckets(DateTimeOffset from, DateTimeOffset to, MetricsBucket size)
    {
        var step = size == MetricsBucket.Week ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);
        for (var start = from; start < to; start += step)
        {
            var end = start + step;
            yield return (start, end < to ? end : to);
        }
    }

    private static List<Group> GradeGroups(
        List<IncidentSample> inPeriod, IncidentGrade? filter, IncidentGrade[] grades, IncidentCategory[] categories, SlaTargets targets)
    {
        var groups = grades
            .Select(g => new Group(((int)g).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Targets(targets, [g], categories), inPeriod.Where(i => i.Grade == g).ToList()))
            .ToList();
        var ungraded = inPeriod.Where(i => i.Grade is null).ToList();
        if (filter is null && ungraded.Count > 0)
        {
            // Until assessed, an incident runs the SLA of a Level 1 (the most serious).
            groups.Add(new Group(NoGradeKey, Targets(targets, [IncidentGrade.Level1], categories), ungraded));
        }

        return groups;
    }

    private static List<Group> CategoryGroups(
        List<IncidentSample> inPeriod, IncidentCategory? filter, IncidentGrade[] grades, IncidentCategory[] categories, SlaTargets targets)
    {
        var groups = categories
            .Select(c => new Group(c.ToKey(), Targets(targets, grades, [c]), inPeriod.Where(i => i.Category == c).ToList()))
            .ToList();
        var unknown = inPeriod.Where(i => i.Category is null).ToList();
        if (filter is null && unknown.Count > 0)
        {
            groups.Add(new Group(UnknownCategoryKey, Targets(targets, grades, Enum.GetValues<IncidentCategory>()), unknown));
        }

        return groups;
    }

    private static List<TimeSpan> Targets(SlaTargets targets, IEnumerable<IncidentGrade> grades, IncidentCategory[] categories) =>
        grades.SelectMany(g => categories.Select(c => targets.ResponseTargetFor(g, c))).Distinct().Order().ToList();

    private static ResponseDistribution Distribution(
        string kind, List<Group> byGrade, List<Group> byCategory, Dictionary<IncidentSample, SlaOutcome> outcomes) =>
        new(kind, byGrade.Select(g => Times(kind, g, outcomes)).ToList(), byCategory.Select(g => Times(kind, g, outcomes)).ToList());

    private static DistributionGroup Times(string kind, Group group, Dictionary<IncidentSample, SlaOutcome> outcomes)
    {
        var times = new List<ResponseTime>();
        int never = 0, awaiting = 0, without = 0;
        foreach (var incident in group.Incidents)
        {
            var sla = incident.Sla;
            var at = kind == AcknowledgeKind ? sla?.AcknowledgedAt : sla?.ArrivedAt;
            if (sla is not null && at is { } t)
            {
                times.Add(new ResponseTime(incident.Id, t - sla.ReportedAt, sla.Target));
                continue;
            }

            switch (outcomes[incident])
            {
                case SlaOutcome.NeverAcknowledged when kind == AcknowledgeKind:
                    never++;
                    break;
                case SlaOutcome.Pending:
                    awaiting++;
                    break;
                default:
                    without++;
                    break;
            }
        }

        return new DistributionGroup(group.Key, group.Targets, times.OrderBy(t => t.Elapsed).ToList(), never, awaiting, without);
    }

    private static ComplianceBucket Compliance(
        DateTimeOffset start, DateTimeOffset end, List<IncidentSample> inPeriod, Dictionary<IncidentSample, SlaOutcome> outcomes)
    {
        var inBucket = inPeriod.Where(i => i.ReportedAt >= start && i.ReportedAt < end).Select(i => outcomes[i]).ToList();
        return new ComplianceBucket(start, end,
            inBucket.Count(o => o == SlaOutcome.Met),
            inBucket.Count(o => o == SlaOutcome.Late),
            inBucket.Count(o => o == SlaOutcome.NeverAcknowledged),
            inBucket.Count(o => o == SlaOutcome.Pending));
    }

    private static VolumeBucket Volume(DateTimeOffset start, DateTimeOffset end, IReadOnlyCollection<IncidentSample> incidents, DateTimeOffset now)
    {
        var at = end < now ? end : now;
        return new VolumeBucket(start, end,
            incidents.Count(i => i.ReportedAt >= start && i.ReportedAt < end),
            incidents.Count(i => i.ClosedAt is { } closed && closed >= start && closed < end),
            incidents.Count(i => i.ReportedAt < at && (i.ClosedAt is not { } closed || closed >= at)));
    }

    private sealed record Group(string Key, List<TimeSpan> Targets, List<IncidentSample> Incidents);
}
