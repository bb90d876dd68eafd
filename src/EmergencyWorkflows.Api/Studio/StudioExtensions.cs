namespace EmergencyWorkflows.Api.Studio;

internal static class StudioExtensions
{
    /// <summary>Elsa Studio's files and host pages, and the Elsa-compatible API behind them.</summary>
    public static IServiceCollection AddStudio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StudioOptions>().Bind(configuration.GetSection(StudioOptions.Section));
        services.AddSingleton<StudioFiles>();
        return services;
    }
}
