using EmergencyWorkflows.Api.Engine;

namespace EmergencyWorkflows.Api.Scheduling;

internal static class OutboxDispatchExtensions
{
    /// <summary>The background loop that dispatches committed outbox messages.</summary>
    public static IServiceCollection AddOutboxDispatch(this IServiceCollection services)
    {
        services.AddSingleton<OutboxDispatch>();
        services.AddHostedService<OutboxDispatchService>();
        return services;
    }
}
