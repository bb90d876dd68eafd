using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.Loops;

public class LoopsTests
{
    private readonly EngineHarness harness = new();

    [Fact]
    public void BackwardConnection_LoopsUntilTheDecisionTurnsFalse()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Loops", "count-to-three.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("tick", "tick", "tick", "done");
        instance.Variables["v-i"]!.ToJsonString().Should().Be("3");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }
}
