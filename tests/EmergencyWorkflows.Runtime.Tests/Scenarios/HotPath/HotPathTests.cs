using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.HotPath;

public class HotPathTests
{
    private readonly EngineHarness harness = new();

    [Fact]
    public void StartRunTaskEnd_SuspendsOnTheTaskThenFinishes()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("HotPath", "start-runtask-end.json"));

        var started = harness.Start(definition).Instance;
        var finished = harness.Resume(definition, started, started.Bookmarks.Single()).Instance;

        started.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        finished.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }
}
