using System.Net;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Api.Tests.Errors;

public sealed class UnhandledExceptionTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task StoreThrows_GenericServerErrorProblem_NoInternalsLeaked()
    {
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false),
            services => services.Replace(ServiceDescriptor.Singleton<IWorkflowInstanceStore, BrokenInstanceStore>()));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/instances/any");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        problem.ToJsonString().Should().NotContain("secret connection detail").And.NotContain(nameof(BrokenInstanceStore));
        factory.Sink.Events.Should().Contain(e => e.Exception is InvalidOperationException, "the full exception goes to the log");
    }

    public void Dispose() => folder.Dispose();

    private sealed class BrokenInstanceStore : IWorkflowInstanceStore
    {
        public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("secret connection detail");

        public Task SaveAsync(WorkflowCommit commit, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("secret connection detail");

        public Task<IReadOnlyList<WorkflowInstanceSummary>> ListAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("secret connection detail");
    }
}
