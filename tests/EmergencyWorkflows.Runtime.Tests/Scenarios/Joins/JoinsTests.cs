using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.Joins;

public class JoinsTests
{
    private readonly EngineHarness harness = new();

    [Fact]
    public void WaitAny_FirstArrival_CancelsTheOtherBranchAndRemovesItsBookmark()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Joins", "wait-any-cancels-other-branch.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("fast", "after");
        instance.Bookmarks.Should().BeEmpty();
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void WaitAll_AfterADecision_NeverRunsAndItsDownstreamIsSkipped()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Joins", "wait-all-after-decision.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("t");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished, "dead-path elimination lets the flowchart complete");
    }

    [Fact]
    public void WaitAllActive_AfterADecision_RunsOnceTheTakenBranchArrives()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Joins", "wait-all-active-after-decision.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("t", "after", "downstream");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void ImplicitJoin_AfterADecision_BehavesAsWaitAllActive()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Joins", "implicit-join-after-decision.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("t", "after", "downstream");
    }

    [Fact]
    public void ImplicitJoin_OfTwoParallelBranches_RunsTheTargetOnceAfterBoth()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Joins", "implicit-join-runs-once.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("A", "B", "C");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }
}
