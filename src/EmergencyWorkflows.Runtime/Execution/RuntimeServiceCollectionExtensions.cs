using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;
using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Runtime.Execution;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// The engine: built-in activities (more can be added as <see cref="Activity"/> singletons), registry, expression
    /// evaluator, validator, executor, runtime, outbox dispatcher and its PublishEvent handler. Storage comes from
    /// the host (or <see cref="AddInMemoryWorkflowStores"/>).
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkflowLineWriter, ConsoleWorkflowLineWriter>();
        foreach (var activity in ActivityRegistry.BuiltIn())
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(Activity), activity.GetType()));
        }

        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<IExpressionEvaluator, ExpressionEvaluator>();
        services.TryAddSingleton<IWorkflowDefinitionValidator, WorkflowDefinitionValidator>();
        services.TryAddSingleton<WorkflowExecutor>();
        services.TryAddSingleton<IWorkflowRuntime, WorkflowRuntime>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxMessageHandler, PublishEventOutboxHandler>());
        return services;
    }

    /// <summary>In-memory stores and timer scheduler, for tests and the bench (each only if none is registered).</summary>
    public static IServiceCollection AddInMemoryWorkflowStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<InMemoryWorkflowStore>();
        services.TryAddSingleton<IWorkflowInstanceStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IBookmarkStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IOutboxStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IWorkflowDefinitionStore, InMemoryWorkflowDefinitionStore>();
        services.TryAddSingleton<InMemoryTimerScheduler>();
        services.TryAddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<InMemoryTimerScheduler>());
        return services;
    }
}
