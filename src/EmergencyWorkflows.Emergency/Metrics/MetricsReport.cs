using EmergencyWorkflows.Emergency.Incidents;

namespace EmergencyWorkflows.Emergency.Metrics;

/// <summary>Buckets of the "over time" series: a day for short periods, a week for long ones.</summary>
public enum MetricsBucket
{
    Day,
    Week,
}

/// <summary>The response metrics of the incidents reported in [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record MetricsReport(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset Now,
    MetricsBucket Bucket,
    IncidentCategory? Category,
    IncidentGrade? Grade,
    SlaTotals Totals,
    ResponseDistribution Acknowledge,
    ResponseDistribution Arrive,
    IReadOnlyList<ComplianceBucket> Compliance,
    IReadOnlyList<VolumeBucket> Volume);

/// <summary>Counts of every SLA outcome over the period; <see cref="PercentMet"/> is met / (met + late + never), null when
/// nothing is settled yet.</summary>
public sealed record SlaTotals(int Reported, int Met, int Late, int NeverAcknowledged, int Pending, int Cancelled, int NoSla)
{
    public int Breached => Late + NeverAcknowledged;

    public int Settled => Met + Breached;

    public double? PercentMet => Settled == 0 ? null : 100.0 * Met / Settled;
}

/// <summary>One kind of response time (acknowledge or arrive) grouped by grade and by category.</summary>
public sealed record ResponseDistribution(string Kind, IReadOnlyList<DistributionGroup> ByGrade, IReadOnlyList<DistributionGroup> ByCategory);

/// <summary>
/// The response times of one group. <see cref="Targets"/> are the configured response targets that apply to the group
/// (one unless rules differ within it). <see cref="Never"/>: no response at all past the deadline (a breach, acknowledge
/// only); <see cref="Awaiting"/>: deadline still ahead; <see cref="Without"/>: no time of this kind although the SLA was
/// settled otherwise (responded the other way, or cancelled before due).
/// </summary>
public sealed record DistributionGroup(
    string Key,
    IReadOnlyList<TimeSpan> Targets,
    IReadOnlyList<ResponseTime> Times,
    int Never,
    int Awaiting,
    int Without)
{
    public int WithinTarget => Times.Count(t => t.WithinTarget);

    public int OverTarget => Times.Count(t => !t.WithinTarget);

    /// <summary>Every incident in the group.</summary>
    public int Count => Times.Count + Never + Awaiting + Without;

    public TimeSpan? Median => SlaMetrics.Quantile(Times.Select(t => t.Elapsed), 0.5);

    public TimeSpan? P90 => SlaMetrics.Quantile(Times.Select(t => t.Elapsed), 0.9);

    public TimeSpan? Max => Times.Count == 0 ? null : Times.Max(t => t.Elapsed);
}

/// <summary>One incident's time to acknowledge or arrive, against its own recorded target.</summary>
public sealed record ResponseTime(string IncidentId, TimeSpan Elapsed, TimeSpan Target)
{
    public bool WithinTarget => Elapsed <= Target;
}

/// <summary>SLA outcomes of the incidents reported in [Start, End).</summary>
public sealed record ComplianceBucket(DateTimeOffset Start, DateTimeOffset End, int Met, int Late, int NeverAcknowledged, int Pending)
{
    public int Breached => Late + NeverAcknowledged;

    public int Settled => Met + Breached;

    public double? PercentMet => Settled == 0 ? null : 100.0 * Met / Settled;
}

/// <summary>Reported and closed in [Start, End), and open at the end of the bucket (or now, for the current one).</summary>
public sealed record VolumeBucket(DateTimeOffset Start, DateTimeOffset End, int Reported, int Closed, int OpenAtEnd);
