using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Runtime.Tests.Execution;

/// <summary>The runtime as the host wires it (AddWorkflowRuntime) over the in-memory twins, a fake clock and captured lines.</summary>
public sealed class RuntimeHarness : IDisposable
{
    private readonly ServiceProvider provider;

    public RuntimeHarness()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IWorkflowLineWriter>(Lines);
        services.AddWorkflowRuntime();
        services.AddInMemoryWorkflowStores();
        provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
    public CapturingLineWriter Lines { get; } = new();
    public IWorkflowRuntime Runtime => provider.GetRequiredService<IWorkflowRuntime>();
    public InMemoryWorkflowStore Store => provider.GetRequiredService<InMemoryWorkflowStore>();
    public InMemoryTimerScheduler Timers => provider.GetRequiredService<InMemoryTimerScheduler>();
    public OutboxDispatcher Dispatcher => provider.GetRequiredService<OutboxDispatcher>();
    public IWorkflowDefinitionStore Definitions => provider.GetRequiredService<IWorkflowDefinitionStore>();

    /// <summary>Publishes a definition file (as the seeding/import path would) and returns its definition id.</summary>
    public async Task<string> PublishAsync(string path)
    {
        var json = await File.ReadAllTextAsync(path);
        var definition = WorkflowDefinitionReader.Read(json);
        await Definitions.SaveAsync(new StoredDefinition
        {
            VersionId = definition.Id,
            DefinitionId = definition.DefinitionId,
            Version = definition.Version,
            Name = definition.Name,
            IsPublished = true,
            IsLatest = true,
            Json = json,
            CreatedAt = Time.GetUtcNow(),
        });
        return definition.DefinitionId;
    }

    public Task<WorkflowInstance?> FindAsync(string instanceId) => Store.FindAsync(instanceId);

    public void Dispose() => provider.Dispose();
}
