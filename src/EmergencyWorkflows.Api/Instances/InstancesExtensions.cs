namespace EmergencyWorkflows.Api.Instances;

internal static class InstancesExtensions
{
    public static IServiceCollection AddInstanceViews(this IServiceCollection services)
    {
        services.AddSingleton<InstanceViews>();
        services.AddSingleton<ResumeAnswers>();
        return services;
    }
}
