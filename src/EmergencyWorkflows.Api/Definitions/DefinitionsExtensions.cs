namespace EmergencyWorkflows.Api.Definitions;

internal static class DefinitionsExtensions
{
    /// <summary>The definition catalog used by views, and the start-up import of <c>workflows/*.json</c>.</summary>
    public static IServiceCollection AddWorkflowDefinitions(this IServiceCollection services)
    {
        services.AddSingleton<DefinitionCatalog>();
        services.AddSingleton<DefinitionExporter>();
        services.AddHostedService<DefinitionSeeder>();
        return services;
    }
}
