using EmergencyWorkflows.Api.Web;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Metrics;
using EmergencyWorkflows.Emergency.Sla;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using SlaRecords = EmergencyWorkflows.Emergency.Activities.IncidentRecord;

namespace EmergencyWorkflows.Api.Metrics;

/// <summary>
/// Reads what the metrics need from the real records: the incident rows (category, recorded grade, status, when
/// reported), when a closed or cancelled one reached that state (its last transition on the timeline), and each
/// incident's response SLA as its workflow instance recorded it (deadline, first acknowledgement, first arrival).
/// </summary>
internal sealed class MetricsQuery(
    IDbContextFactory<WorkflowsDbContext> contexts, IWorkflowInstanceStore instances, SlaTargets targets, MetricsOptions options, DisplayTime display,
    TimeProvider time)
{
    private static readonly string[] Finished = [nameof(IncidentStatus.Closed), nameof(IncidentStatus.Cancelled)];

    public TimeZoneInfo Zone { get; } = options.Zone(display.Zone);

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<MetricsAnswer> RunAsync(MetricsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = db.Incidents.AsNoTracking();
        if (filter.Category is { } category)
        {
            var key = category.ToKey();
            scope = scope.Where(i => i.Category == key);
        }

        if (filter.Grade is { } grade)
        {
            var level = (int)grade;
            scope = scope.Where(i => i.Grade == level);
        }

        var openNow = await scope.CountAsync(i => !Finished.Contains(i.Status), cancellationToken);
        var closedNow = await scope.CountAsync(i => Finished.Contains(i.Status), cancellationToken);

        // Reported in the period, or reported earlier and not finished before it started (they are open in its first days).
        // UpdatedAt is at or after the finishing transition, so it safely bounds "finished before the period".
        var rows = await scope
            .Where(i => i.CreatedAt < filter.To && (i.CreatedAt >= filter.From || !Finished.Contains(i.Status) || i.UpdatedAt >= filter.From))
            .Select(i => new { i.Id, i.Category, i.Grade, i.Status, i.CreatedAt, i.UpdatedAt })
            .ToListAsync(cancellationToken);

        var finishedIds = rows.Where(r => Finished.Contains(r.Status)).Select(r => r.Id).ToList();
        var transition = nameof(TimelineKind.Transition);
        var transitions = await db.IncidentTimeline.AsNoTracking()
            .Where(t => finishedIds.Contains(t.IncidentId) && t.Kind == transition)
            .Select(t => new { t.IncidentId, t.At })
            .ToListAsync(cancellationToken);
        var finishedAt = transitions.GroupBy(t => t.IncidentId).ToDictionary(g => g.Key, g => g.Max(t => t.At), StringComparer.Ordinal);

        var samples = new List<IncidentSample>(rows.Count);
        foreach (var row in rows)
        {
            ResponseSla? sla = null;
            if (row.CreatedAt >= filter.From && await instances.FindAsync(row.Id, cancellationToken) is { } instance)
            {
                sla = SlaRecords.ReadSla(instance);
            }

            var finished = Finished.Contains(row.Status);
            samples.Add(new IncidentSample(
                row.Id,
                IncidentCategoryKeys.TryParse(row.Category, out var c) ? c : null,
                row.Grade is >= 1 and <= 3 ? (IncidentGrade)row.Grade : null,
                sla?.ReportedAt ?? row.CreatedAt,
                sla,
                finished ? finishedAt.GetValueOrDefault(row.Id, row.UpdatedAt) : null,
                row.Status == nameof(IncidentStatus.Cancelled)));
        }

        var report = SlaMetrics.Compute(samples, filter.From, filter.To, now, targets, filter.Category, filter.Grade);
        return MetricsAnswer.Of(report, openNow, closedNow, Zone);
    }
}
