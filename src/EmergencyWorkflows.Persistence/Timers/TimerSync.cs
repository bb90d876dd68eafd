using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Timers;

/// <summary>
/// Brings an instance's timer rows in line with its bookmarks, inside the commit's transaction: a bookmark with
/// a due time has a Pending row; a Pending row whose bookmark is gone becomes Fired (Cancelled when the instance
/// was cancelled). Rows are kept, not deleted, so an auditor can see what fired.
/// </summary>
internal static class TimerSync
{
    public static async Task SyncAsync(
        WorkflowsDbContext db, WorkflowInstance instance, bool isNewInstance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = instance.Bookmarks
            .Where(b => b.DueAt is not null)
            .ToDictionary(b => b.Id, b => b.DueAt!.Value);

        var existing = isNewInstance
            ? []
            : await db.Timers.Where(t => t.InstanceId == instance.Id).ToListAsync(cancellationToken);

        foreach (var timer in existing)
        {
            if (due.Remove(timer.Id, out var dueAt))
            {
                if (timer.State != TimerState.Pending || timer.DueAt != dueAt)
                {
                    timer.State = TimerState.Pending;
                    timer.DueAt = dueAt;
                    timer.UpdatedAt = now;
                }
            }
            else if (timer.State == TimerState.Pending)
            {
                timer.State = instance.SubStatus == WorkflowSubStatus.Cancelled ? TimerState.Cancelled : TimerState.Fired;
                timer.UpdatedAt = now;
            }
        }

        foreach (var (bookmarkId, dueAt) in due)
        {
            db.Timers.Add(new TimerRecord
            {
                Id = bookmarkId,
                InstanceId = instance.Id,
                DueAt = dueAt,
                State = TimerState.Pending,
                UpdatedAt = now,
            });
        }
    }
}
