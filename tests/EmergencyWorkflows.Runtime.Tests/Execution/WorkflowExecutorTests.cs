using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Runtime.Tests.Execution;

/// <summary>Small engine rules on inline definitions: join-mode defaults, trigger starts, start selection.</summary>
public class WorkflowExecutorTests
{
    private readonly EngineHarness harness = new();

    private static WorkflowDefinition JoinAfterDecision(string modeProperty) => WorkflowDefinitionReader.Read($$"""
        { "id": "v1", "definitionId": "d1", "root": { "id": "fc", "type": "Elsa.Flowchart",
          "activities": [
            { "id": "s", "type": "Elsa.Start" },
            { "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": "True" } } },
            { "id": "t", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "t" } } },
            { "id": "f", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "f" } } },
            { "id": "j", "type": "Elsa.FlowJoin" {{modeProperty}} },
            { "id": "after", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "after" } } } ],
          "connections": [
            { "source": { "activity": "s", "port": "Done" }, "target": { "activity": "d", "port": "In" } },
            { "source": { "activity": "d", "port": "True" }, "target": { "activity": "t", "port": "In" } },
            { "source": { "activity": "d", "port": "False" }, "target": { "activity": "f", "port": "In" } },
            { "source": { "activity": "t", "port": "Done" }, "target": { "activity": "j", "port": "In" } },
            { "source": { "activity": "f", "port": "Done" }, "target": { "activity": "j", "port": "In" } },
            { "source": { "activity": "j", "port": "Done" }, "target": { "activity": "after", "port": "In" } } ] } }
        """);

    [Fact]
    public void FlowJoin_WithoutMode_DefaultsToWaitAny()
    {
        var instance = harness.Start(JoinAfterDecision("")).Instance;

        harness.LinesOf(instance).Should().Equal("t", "after");
    }

    [Fact]
    public void FlowJoin_WithExplicitNullMode_IsWaitAll()
    {
        var instance = harness.Start(JoinAfterDecision(""", "mode": null""")).Instance;

        harness.LinesOf(instance).Should().Equal("t");
    }

    private static WorkflowDefinition EventTrigger() => WorkflowDefinitionReader.Read("""
        { "id": "v1", "definitionId": "d1", "root": { "id": "fc", "type": "Elsa.Flowchart",
          "activities": [
            { "id": "w0", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "island" } } },
            { "id": "ev", "type": "Elsa.Event", "customProperties": { "canStartWorkflow": true },
              "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "Alarm" } },
              "result": { "typeName": "Object", "memoryReference": { "id": "v-alarm" } } },
            { "id": "w", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "JavaScript", "value": "'alarm ' + getAlarm().zone" } } } ],
          "connections": [ { "source": { "activity": "ev", "port": "Done" }, "target": { "activity": "w", "port": "In" } } ] },
          "variables": [ { "id": "v-alarm", "name": "Alarm", "typeName": "Object" } ] }
        """);

    [Fact]
    public void Start_FromItsTriggerActivity_CompletesTheTriggerAtOnceWithThePayload()
    {
        var input = new JsonObject { ["__EventPayloadWorkflowInput"] = new JsonObject { ["zone"] = "B2" } };

        var instance = harness.Executor.Start(EventTrigger(), new StartWorkflowOptions(Input: input, TriggerActivityId: "ev")).Instance;

        harness.LinesOf(instance).Should().Equal("alarm B2");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void Triggers_OfADefinition_ListTheEventTriggerWithItsName()
    {
        var triggers = Runtime.Activities.WorkflowTriggers.List(EventTrigger());

        triggers.Should().ContainSingle().Which.Should().Match<Runtime.Activities.WorkflowTrigger>(t =>
            t.ActivityId == "ev" && t.Name == "Elsa.Event" && t.Payload["eventName"]!.GetValue<string>() == "Alarm");
    }

    [Fact]
    public void Start_Manually_PrefersTheCanStartWorkflowActivityWhichThenWaits()
    {
        var instance = harness.Start(EventTrigger()).Instance;

        instance.Bookmarks.Should().ContainSingle().Which.Key.Should().Be("Alarm");
        harness.LinesOf(instance).Should().BeEmpty("only the chosen start node runs; islands never do");
    }

    [Fact]
    public void ExecutionState_AfterSuspension_HoldsTheRunningContextsAndFlowScope()
    {
        var instance = harness.Start(EventTrigger()).Instance;

        var contexts = instance.ExecutionState["contexts"]!.AsArray();
        contexts.Select(c => c!["activityId"]!.GetValue<string>()).Should().Equal("fc", "ev");
        contexts[0]!["flowScope"]!["start"]!.GetValue<string>().Should().Be("ev");
        contexts[1]!["parentId"]!.GetValue<string>().Should().Be(contexts[0]!["id"]!.GetValue<string>());
    }
}
