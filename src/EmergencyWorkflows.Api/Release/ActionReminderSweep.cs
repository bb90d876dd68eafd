using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Release;

/// <summary>
/// Reminds the owners of overdue improvement actions (plan §3.5), at most once per action per UTC day. The sweep runs
/// every <c>Emergency:Reviews:ReminderInterval</c> (default one hour) on the injected clock. The action row records
/// the day it was reminded, in the same transaction as the outbox message, so later sweeps skip it; the message id is
/// the (action, day) dedup key, so the delivery ledger could not send it twice anyway.
/// </summary>
internal sealed class ActionReminderSweep(
    IDbContextFactory<WorkflowsDbContext> contexts,
    IncidentWriter writer,
    AckLinkOptions links,
    ReviewOptions options,
    TimeProvider time,
    ILogger<ActionReminderSweep> logger) : BackgroundService
{
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        List<ImprovementActionRecord> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // SQLite cannot compare DateTimeOffset in SQL, so the undone actions are filtered here; they are few.
            var open = await db.ImprovementActions.AsNoTracking().Where(a => a.DoneAt == null).ToListAsync(cancellationToken);
            due = open.Where(a => a.DueAt < now && !(a.LastRemindedOn >= today)).ToList();
        }

        var sent = 0;
        foreach (var action in due)
        {
            var notification = new Notification(
                action.IncidentId,
                0,
                0,
                action.OwnerId,
                NotificationChannel.InApp,
                $"Overdue improvement action: {action.Title}",
                $"The improvement action '{action.Title}' from the review of incident {action.IncidentId} was due {action.DueAt:yyyy-MM-dd HH:mm} UTC "
                    + $"and is not done yet. Mark it done with POST /api/incidents/{action.IncidentId}/review/actions/{action.Id}/done.",
                new Uri(links.BaseUrl, $"/api/incidents/{Uri.EscapeDataString(action.IncidentId)}/review"),
                NotificationTopics.ActionReminder(action.Id, today));

            // The day mark, the timeline line and the outbox message commit together, re-checked under the write queue,
            // so two sweeps at once (or a sweep after a crash) queue the reminder once.
            sent += await writer.WriteAsync(async (db, ct) =>
            {
                var row = await db.ImprovementActions.SingleAsync(a => a.Id == action.Id, ct);
                if (row.LastRemindedOn >= today || row.DoneAt is not null)
                {
                    return 0;
                }

                row.LastRemindedOn = today;
                db.Outbox.Add(ReleaseNotifications.ToOutbox(notification, now));
                IncidentLedger.AddEntry(db, action.IncidentId, now, "system", TimelineKind.Notification,
                    TimelineMessages.ActionReminder(action.OwnerId, action.Title), null);
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Incident {IncidentId}: reminding {OwnerId} of overdue improvement action {ActionId}", action.IncidentId, action.OwnerId, action.Id);
                return 1;
            }, cancellationToken);
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ReminderInterval, time);
        do
        {
            try
            {
                await SweepAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick retries; a failing sweep must not stop the host.
                logger.LogError(ex, "The overdue improvement action sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal sealed record ReviewOptions
{
    public const string Section = "Emergency:Reviews";

    public TimeSpan ReminderInterval { get; init; } = TimeSpan.FromHours(1);
}
