using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence;

/// <summary>Lets provider-neutral code (the stores) ask for the model's base context, whatever the provider.</summary>
internal sealed class WorkflowsDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<WorkflowsDbContext>
    where TContext : WorkflowsDbContext
{
    public WorkflowsDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<WorkflowsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
