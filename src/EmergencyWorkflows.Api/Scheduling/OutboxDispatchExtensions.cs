namespace EmergencyWorkflows.Api.Scheduling;

internal static class OutboxDispatchExtensions
{
    /// <summary>The background loop that dispatches committed outbox messages (the dispatcher itself comes with the runtime).</summary>
    public static IServiceCollection AddOutboxDispatch(this IServiceCollection services)
    {
        services.AddHostedService<OutboxDispatchService>();
        return services;
    }
}
