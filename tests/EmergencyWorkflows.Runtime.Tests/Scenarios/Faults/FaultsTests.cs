using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Scenarios.Faults;

public class FaultsTests
{
    private readonly EngineHarness harness = new();

    [Fact]
    public void Fault_UnderTheDefaultStrategy_FaultsTheInstanceWithAnIncident()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Faults", "fault-default-strategy.json"));

        var instance = harness.Start(definition).Instance;

        instance.Status.Should().Be(WorkflowStatus.Finished);
        instance.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        instance.Incidents.Should().ContainSingle().Which.Should().Match<Incident>(i =>
            i.ActivityId == "boom" && i.ActivityType == "Elsa.Fault" && i.Message == "boom");
        harness.LinesOf(instance).Should().Equal(["other"], "queued work still drains; the faulted branch schedules nothing");
    }

    [Fact]
    public void Fault_UnderContinueWithIncidents_KeepsTheInstanceSuspendedAndOtherBranchesGoOn()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Faults", "fault-continue-with-incidents.json"));

        var started = harness.Start(definition).Instance;
        started.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        started.Incidents.Should().ContainSingle();

        var resumed = harness.Resume(definition, started, started.Bookmarks.Single()).Instance;

        harness.LinesOf(resumed).Should().Equal("went");
        resumed.Status.Should().Be(WorkflowStatus.Running, "a faulted child keeps its flowchart open");
        resumed.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
    }

    [Fact]
    public void ScriptError_FaultsTheActivityWithTheScriptMessage()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Faults", "script-error.json"));

        var instance = harness.Start(definition).Instance;

        instance.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        instance.Incidents.Should().ContainSingle().Which.Message.Should().Contain("bad script");
    }

    [Fact]
    public void UnknownActivity_FaultsWhenReached()
    {
        var definition = EngineHarness.Load(TestPaths.Scenario("Faults", "unknown-activity.json"));

        var instance = harness.Start(definition).Instance;

        instance.Incidents.Should().ContainSingle().Which.Message.Should().Be("Activity type 'Acme.Mystery' is not known to this runtime.");
    }
}
