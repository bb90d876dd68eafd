using EmergencyWorkflows.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Api.Tasks;

internal static class TasksExtensions
{
    public static IServiceCollection AddTaskRequests(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxMessageHandler, TaskRequestLogHandler>());
        services.AddSingleton<TaskBoard>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxMessageHandler, TaskOverdueTimelineHandler>());
        return services;
    }
}
