namespace EmergencyWorkflows.Api.Metrics;

internal static class MetricsExtensions
{
    /// <summary>The response metrics (GET /api/metrics and the /metrics page); days start at midnight in
    /// <c>Emergency:Metrics:TimeZone</c> (default: the pages' display zone).</summary>
    public static IServiceCollection AddResponseMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        options.Zone(TimeZoneInfo.Utc);
        services.AddSingleton(options);
        services.AddSingleton<MetricsQuery>();
        return services;
    }
}
