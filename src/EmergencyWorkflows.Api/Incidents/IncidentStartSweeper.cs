using EmergencyWorkflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Completes accepted reports whose workflow never started (the process died, or the start failed, between the
/// durable insert and the start): once, when the service starts, every row with <c>WorkflowStarted = false</c> gets its
/// workflow. Starting is idempotent (an existing instance only marks the row), so a second sweep is harmless.
/// </summary>
/// <remarks>It also wakes the waiting steps of every open incident once (<see cref="IncidentSignals"/>): a change committed
/// just before the process died (an assessment, an announcement) reaches its workflow.</remarks>
internal sealed class IncidentStartSweeper(
    IDbContextFactory<WorkflowsDbContext> contexts, IncidentIntake intake, IncidentSignals signals, ILogger<IncidentStartSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SweepAsync(stoppingToken);
        await WakeOpenAsync(stoppingToken);
    }

    public async Task<int> WakeOpenAsync(CancellationToken cancellationToken)
    {
        List<string> open;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            string[] done = ["Closed", "Cancelled"];
            open = await db.Incidents.AsNoTracking().Where(i => i.WorkflowStarted && !done.Contains(i.Status)).Select(i => i.Id).ToListAsync(cancellationToken);
        }

        var woken = 0;
        foreach (var id in open)
        {
            try
            {
                woken += await signals.WakeAsync(id, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Incident {IncidentId}: waking its workflow at start-up failed", id);
            }
        }

        return woken;
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Incidents.AsNoTracking().Where(i => !i.WorkflowStarted).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
        var started = 0;
        foreach (var incident in pending)
        {
            if (await intake.StartWorkflowAsync(incident, cancellationToken))
            {
                started++;
            }
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Incident start sweep: {Started} of {Pending} pending incident workflows started", started, pending.Count);
        }

        return started;
    }
}
