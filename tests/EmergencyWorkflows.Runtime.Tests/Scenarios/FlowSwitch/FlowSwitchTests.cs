using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.FlowSwitch;

public class FlowSwitchTests
{
    private readonly EngineHarness harness = new();

    [Theory]
    [InlineData("switch-match-first.json", 4, new[] { "small" })]
    [InlineData("switch-match-any.json", 4, new[] { "small", "even" })]
    [InlineData("switch-match-first.json", 12, new[] { "even" })]
    [InlineData("switch-match-any.json", 13, new[] { "default" })]
    public void FlowSwitch_Mode_SchedulesTheMatchingCases(string file, int n, string[] expected)
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("FlowSwitch", file));

        var instance = harness.Start(definition, new JsonObject { ["n"] = n }).Instance;

        harness.LinesOf(instance).Should().Equal(expected);
    }
}
