using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Persistence.Tests.Support;

/// <summary>
/// Base of every store contract: each test gets a fresh, migrated database of the provider the subclass names
/// (SQLite always; PostgreSQL when a test connection string is set).
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private ITestDatabase? database;
    private ServiceProvider? services;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    protected ITestDatabase Database => database ?? throw new InvalidOperationException("Not initialized.");

    protected ServiceProvider Services => services ?? throw new InvalidOperationException("Not initialized.");

    protected abstract ITestDatabase CreateDatabase();

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected async Task<WorkflowsDbContext> OpenDbAsync() =>
        await Get<Microsoft.EntityFrameworkCore.IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();

    public async Task InitializeAsync()
    {
        database = CreateDatabase();
        services = await database.CreateServicesAsync(Time);
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
