using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Api.Team;

internal static class TeamExtensions
{
    /// <summary>The database-backed emergency directory (wins over any default <see cref="IEmergencyDirectory"/>), the
    /// delivery ledger and inbox, and the seed/refresh loop.</summary>
    public static IServiceCollection AddEmergencyTeam(this IServiceCollection services)
    {
        services.AddEmergencyPersistence();
        services.Replace(ServiceDescriptor.Singleton<IEmergencyDirectory>(sp => sp.GetRequiredService<DatabaseEmergencyDirectory>()));
        services.AddHostedService<EmergencyDirectoryService>();
        return services;
    }

    /// <summary>Team members, rotations (with on call now) and escalation policies: three groups under /api/team.</summary>
    public static IEndpointRouteBuilder MapTeam(this IEndpointRouteBuilder app)
    {
        app.MapTeamMembers();
        app.MapRotations();
        app.MapEscalationPolicies();
        return app;
    }
}
