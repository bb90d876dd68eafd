namespace EmergencyWorkflows.Api.ElsaApi;

internal static class ElsaApiExtensions
{
    /// <summary>The Elsa-compatible API's services: draft/publish rules over the definition store, descriptors.</summary>
    public static IServiceCollection AddElsaApi(this IServiceCollection services)
    {
        services.AddSingleton<ElsaDefinitions>();
        services.AddSingleton<ElsaDescriptors>();
        return services;
    }
}
