using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Persistence.Tests.Support;

/// <summary>One empty database of one provider; disposing it deletes it.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    /// <summary>A new service provider on this database, migrated, reading time from <paramref name="time"/>.</summary>
    Task<ServiceProvider> CreateServicesAsync(TimeProvider time);
}
