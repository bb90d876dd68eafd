using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Incidents;

/// <summary>
/// Runs one incident write (a unit of work on a fresh context, ending in SaveChanges) in the database's write queue,
/// so it never races the engine's commit writer for SQLite's single write lock. Reads need no queue: use the
/// <see cref="IDbContextFactory{TContext}"/> directly.
/// </summary>
public sealed class IncidentWriter
{
    private readonly IDbContextFactory<WorkflowsDbContext> contexts;
    private readonly WriteGate gate;

    internal IncidentWriter(IDbContextFactory<WorkflowsDbContext> contexts, WriteGate gate)
    {
        this.contexts = contexts;
        this.gate = gate;
    }

    public async Task<T> WriteAsync<T>(Func<WorkflowsDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var entered = await gate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await work(db, cancellationToken);
    }
}
