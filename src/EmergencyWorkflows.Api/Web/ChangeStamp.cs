using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Web;

/// <summary>
/// A cheap fingerprint of everything the live pages show (incidents, their timelines, running workflows and so their
/// tasks, announcements; the team and who is on call now), read from the database so that a change made on any node reaches every node's pages.
/// One reading serves every open page on this node; it is taken at most once per <see cref="Interval"/>.
/// </summary>
internal sealed class ChangeStamp(IDbContextFactory<WorkflowsDbContext> contexts, DatabaseEmergencyDirectory directory, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim gate = new(1, 1);
    private string current = string.Empty;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    public async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (now - readAt >= Interval)
            {
                current = await ReadAsync(cancellationToken);
                readAt = now;
            }

            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var timeline = await db.IncidentTimeline.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        var incidents = await db.Incidents.CountAsync(cancellationToken);
        var versions = await db.Incidents.SumAsync(i => (long)i.Version, cancellationToken);
        var running = await db.Instances.Where(i => i.Status == "Running").SumAsync(i => i.Revision, cancellationToken);
        var runningCount = await db.Instances.CountAsync(i => i.Status == "Running", cancellationToken);
        var announcements = await db.Announcements.CountAsync(cancellationToken);
        // The team comes from the directory copy, which every node reloads from the database every few seconds; who is on
        // call changes at a hand-off without any write.
        var now = time.GetUtcNow();
        var onCall = string.Join(",", directory.Rotations.Select(r => OnCallResolver.WhoIsOnCall(r, now)));
        return FormattableString.Invariant($"{timeline}.{incidents}.{versions}.{running}.{runningCount}.{announcements}|{directory.Fingerprint}|{onCall}");
    }
}
