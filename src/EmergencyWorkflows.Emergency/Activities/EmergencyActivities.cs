using EmergencyWorkflows.Runtime.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// The Emergency.* activity types, registered explicitly next to the engine's built-ins (the host composes them; the
/// engine never references this project). Their dependencies (IEmergencyDirectory, SlaTargets, AckLinkSigner,
/// AckLinkOptions) come from the host.
/// </summary>
public static class EmergencyActivities
{
    public static IReadOnlyList<Type> Types { get; } = [typeof(ResponseSla), typeof(Escalate), typeof(AwaitResponse), typeof(HumanTask),
        typeof(AwaitAssessment), typeof(AwaitIncident), typeof(SetIncidentStatus)];

    public static IServiceCollection AddEmergencyActivities(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var type in Types)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(Activity), type));
        }

        return services;
    }
}
