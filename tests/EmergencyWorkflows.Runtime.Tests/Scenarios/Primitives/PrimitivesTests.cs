using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.Primitives;

public class PrimitivesTests
{
    private readonly EngineHarness harness = new();

    [Fact]
    public void PrimitiveActivities_RunInOrder_SetVariablesNameCorrelationAndOutput()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Primitives", "primitives.json"));

        var instance = harness.Start(definition).Instance;

        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        instance.Variables["v-count"]!.ToJsonString().Should().Be("5", "the Literal \"5\" is converted to the Int32 variable");
        instance.Name.Should().Be("Incident 42");
        instance.CorrelationId.Should().Be("corr-5");
        instance.Output["Total"]!.ToJsonString().Should().Be("10");
        harness.LinesOf(instance).Should().Equal("Count is 5");
    }

    [Fact]
    public void SetVariable_OfAnUndeclaredVariable_StoresADynamicVariable()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Primitives", "primitives.json"));

        var instance = harness.Start(definition).Instance;

        instance.Variables["Scratch"]!.GetValue<string>().Should().Be("note");
    }

    [Fact]
    public void RunJavaScript_SetOutcome_FollowsOnlyThatOutcomeAndBindsTheResult()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Primitives", "run-javascript.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("yes");
        instance.Variables["v-answer"]!.ToJsonString().Should().Be("42");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }
}
