using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.Fork;

public class ForkTests
{
    private readonly EngineHarness harness = new();

    [Fact]
    public void FlowFork_Branches_RunInConnectionOrderAndJoin()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Fork", "fork-join.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("left", "right", "joined");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void FlowFork_BranchesAreItsOutcomes_ForTheValidator()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Fork", "fork-join.json"));

        harness.Validator.Validate(definition).Should().BeEmpty();
    }
}
