using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Incidents;

public sealed class IncidentStartSweepTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Report_WorkflowStartFailsAfterTheRowIsDurable_TheNextStartUpStartsIt()
    {
        var workflows = folder.CreateWorkflowsFolder(includeScenarioWorkflows: false);
        string id;
        using (var crashing = new ApiFactory(folder.Path, workflows, services => services.AddSingleton<IWorkflowRuntime, FailingStartRuntime>()))
        {
            using var employee = crashing.CreateClientAs("employee");
            var accepted = await IncidentHost.ReportAsync(employee, IncidentHost.Report());
            id = (string)accepted["id"]!;
            ((bool)accepted["workflowStarted"]!).Should().BeFalse("the start failed after the report was stored");
            (await crashing.Services.GetRequiredService<IWorkflowInstanceStore>().FindAsync(id)).Should().BeNull();
        }

        using var restarted = new ApiFactory(folder.Path, workflows);
        using var lead = restarted.CreateClientAs("lead");

        var incident = await Settle.UntilAsync(() => IncidentHost.GetAsync(lead, id), i => (bool)i["workflowStarted"]!,
            TimeSpan.FromSeconds(20), "the start-up sweep starts the incident's workflow");

        ((string)incident["status"]!).Should().Be("Reported");
        var instance = await restarted.Services.GetRequiredService<IWorkflowInstanceStore>().FindAsync(id);
        instance.Should().NotBeNull();
        instance!.DefinitionId.Should().Be("personnel-safety");
        instance.CorrelationId.Should().Be(id);
    }

    /// <summary>The process "dies" between the durable insert and the workflow start: every start throws.</summary>
    private sealed class FailingStartRuntime : IWorkflowRuntime
    {
        public Task<WorkflowInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("simulated crash before the workflow start");

        public Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, JsonObject? input, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<ResumeResult>> TriggerEventAsync(TriggerEventRequest request, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ResumeResult> CompleteTaskAsync(string taskId, JsonNode? result, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<ResumeResult> WakeTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<WorkflowInstance?> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
