using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.Nesting;

public class NestingTests
{
    private readonly EngineHarness harness = new();

    [Fact]
    public void End_InsideAFlowNode_EndsOnlyTheInnerFlowchart()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Nesting", "flownode-end-ends-only-inner.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("inner", "after");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void Finish_InsideAFlowNode_FinishesTheWholeInstanceAndClearsBookmarks()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Nesting", "flownode-finish-ends-everything.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("inner");
        instance.Status.Should().Be(WorkflowStatus.Finished);
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        instance.Bookmarks.Should().BeEmpty();
    }

    [Fact]
    public void End_AtTopLevel_CancelsTheStillWaitingBranch()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Nesting", "end-cancels-waiting-branch.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("quick");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        instance.Bookmarks.Should().BeEmpty();
    }

    [Theory]
    [InlineData(5, new[] { "then", "after" }, true)]
    [InlineData(0, new[] { "else", "else again", "after" }, false)]
    public void If_RunsTheChosenEmbeddedBranchThenContinues(int x, string[] expected, bool condition)
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Nesting", "if-then-else.json"));

        var instance = harness.Start(definition, new JsonObject { ["x"] = x }).Instance;

        harness.LinesOf(instance).Should().Equal(expected);
        instance.Variables["v-cond"]!.GetValue<bool>().Should().Be(condition);
    }
}
