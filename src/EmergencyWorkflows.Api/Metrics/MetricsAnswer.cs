using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Metrics;

namespace EmergencyWorkflows.Api.Metrics;

/// <summary>What GET /api/metrics answers and the /metrics page draws: the report over the period plus how many incidents
/// (with the same category/grade filter) are open and finished (closed or cancelled) now.</summary>
internal sealed record MetricsAnswer(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset Now,
    string TimeZone,
    MetricsBucket Bucket,
    string? Category,
    int? Grade,
    int OpenNow,
    int ClosedNow,
    SlaTotals Totals,
    ResponseDistribution Acknowledge,
    ResponseDistribution Arrive,
    IReadOnlyList<ComplianceBucket> Compliance,
    IReadOnlyList<VolumeBucket> Volume)
{
    public static MetricsAnswer Of(MetricsReport report, int openNow, int closedNow, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(zone);
        return new MetricsAnswer(report.From, report.To, report.Now, zone.Id, report.Bucket, report.Category?.ToKey(), (int?)report.Grade,
            openNow, closedNow, report.Totals, report.Acknowledge, report.Arrive, report.Compliance, report.Volume);
    }
}
