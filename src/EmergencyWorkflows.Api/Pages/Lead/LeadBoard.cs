using System.Security.Claims;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Emergency.Sla;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Pages.Lead;

/// <summary>How a board row's response SLA stands, in the order the board sorts them.</summary>
internal enum BoardSla
{
    /// <summary>The deadline passed without an acknowledgement or arrival (also before the breach timer has run).</summary>
    Breached,

    /// <summary>Still running: a countdown to the deadline.</summary>
    Pending,

    /// <summary>Responded, but after the deadline.</summary>
    Late,

    Met,

    /// <summary>The workflow has not reached its response SLA step (or has none).</summary>
    None,
}

internal sealed record BoardRow(
    string Id, string? Category, int? Grade, int SuggestedGrade, string Status, string Location, DateTimeOffset CreatedAt,
    BoardSla Sla, DateTimeOffset? Deadline, int PendingApprovals);

internal sealed record BoardView(IReadOnlyList<BoardRow> Rows, int PendingApprovals, int OpenActions, int OverdueActions, DateTimeOffset Now);

/// <summary>
/// The lead's board (plan §3.1–3.5 at a glance): every open incident (not Closed or Cancelled) with its response SLA read
/// from its workflow, breached first, then by deadline. Only team leads and admins reach it, and they see every
/// incident through <see cref="IncidentAccess"/> as the API shows them.
/// </summary>
internal static class LeadBoard
{
    private const int MaxRows = 300;

    public static async Task<BoardView> LoadAsync(
        IDbContextFactory<WorkflowsDbContext> contexts, IWorkflowInstanceStore instances, TimeProvider time, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await IncidentAccess.Visible(db, user).AsNoTracking()
            .Where(i => i.Status != "Closed" && i.Status != "Cancelled")
            .OrderByDescending(i => i.CreatedAt).Take(MaxRows).ToListAsync(cancellationToken);
        var ids = open.Select(i => i.Id).ToList();
        var approvals = await db.IncidentApprovals.AsNoTracking()
            .Where(a => a.State == IncidentLedger.Pending && ids.Contains(a.IncidentId))
            .GroupBy(a => a.IncidentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var pendingApprovals = await db.IncidentApprovals.CountAsync(a => a.State == IncidentLedger.Pending, cancellationToken);
        var openActions = await db.ImprovementActions.AsNoTracking().Where(a => a.DoneAt == null).Select(a => a.DueAt).ToListAsync(cancellationToken);

        var rows = new List<BoardRow>(open.Count);
        foreach (var incident in open)
        {
            var instance = await instances.FindAsync(incident.Id, cancellationToken);
            var sla = instance is null ? null : EmergencyWorkflows.Emergency.Activities.IncidentRecord.ReadSla(instance);
            var state = sla switch
            {
                null => BoardSla.None,
                { State: SlaState.Met } => BoardSla.Met,
                { State: SlaState.Breached, RespondedAt: not null } => BoardSla.Late,
                { State: SlaState.Breached } => BoardSla.Breached,
                _ when now >= sla.Deadline => BoardSla.Breached,
                _ => BoardSla.Pending,
            };
            rows.Add(new BoardRow(
                incident.Id, incident.Category, incident.Grade, incident.SuggestedGrade, incident.Status, incident.Location, incident.CreatedAt,
                state, sla?.Deadline, approvals.GetValueOrDefault(incident.Id)));
        }

        var sorted = rows
            .OrderBy(r => r.Sla)
            .ThenBy(r => r.Sla is BoardSla.Breached or BoardSla.Pending ? r.Deadline : null)
            .ThenByDescending(r => r.CreatedAt)
            .ToList();
        return new BoardView(sorted, pendingApprovals, openActions.Count, openActions.Count(due => due < now), now);
    }
}
