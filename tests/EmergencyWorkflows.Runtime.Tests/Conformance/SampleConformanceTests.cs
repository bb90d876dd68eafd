using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Conformance;

public class SampleConformanceTests
{
    private readonly EngineHarness harness = new();

    public static TheoryData<string> AllSamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.SamplesDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Sample_Loads_AndIsValidUnlessListedAsUnsupported(string file)
    {
        var definition = EngineHarness.Load(TestPaths.Sample(file));

        var errors = harness.Validator.Validate(definition);

        if (Unsupported.Samples.ContainsKey(file))
        {
            errors.Should().NotBeEmpty();
        }
        else
        {
            errors.Should().BeEmpty();
        }
    }

    [Fact]
    public void UnsupportedActivityTypes_AreReallyUnknownToTheRegistry()
    {
        Unsupported.ActivityTypes.Keys.Should().OnlyContain(type => !harness.Registry.IsKnown(type));
    }

    [Fact]
    public void SampleCorpus_IsThere()
    {
        AllSamples().Count.Should().BeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void Sample01_DecisionImplicitJoin_Finishes()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("01-decision-implicit-join.json"));

        var instance = harness.Start(definition).Instance;

        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        harness.LinesOf(instance).Should().HaveCount(1, "the shared WriteLine runs once although both outcomes are wired to it");
    }

    [Fact]
    public void Sample02_FlowJoinWaitAll_WritesStartLine1Line2End()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("02-flowjoin-waitall.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("Start", "Line 1", "Line 2", "End");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void Sample03_FlowJoinWaitAny_WritesStartEnd()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("03-flowjoin-waitany.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("Start", "End");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void Sample04_LegacyLoop_RetriesOnceThenFinishes()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("04-variables-js-loop-legacyformat.json"));

        var instance = harness.Start(definition).Instance;

        harness.LinesOf(instance).Should().Equal("Do something", "Retry", "Do something", "Done");
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        instance.Variables["b1198ecccf3f435abe462dc37012cda9"]!.ToJsonString().Should().Be("2");
    }

    [Theory]
    [InlineData("05-delay-decision-legacyformat.json")]
    [InlineData("06-event-in-flownode.json")]
    public void Sample_WithBookmarks_FinishesAfterResumingEveryBookmark(string file)
    {
        var definition = EngineHarness.Load(TestPaths.Sample(file));

        var started = harness.Start(definition).Instance;
        started.SubStatus.Should().Be(WorkflowSubStatus.Suspended);
        started.Bookmarks.Should().NotBeEmpty();

        var instance = harness.ResumeUntilDone(definition, started);

        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
        instance.Bookmarks.Should().BeEmpty();
    }

    [Fact]
    public void Sample05_Delay_WaitsFiveSecondsOnTheTrueBranch()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("05-delay-decision-legacyformat.json"));

        var instance = harness.Start(definition).Instance;

        instance.Bookmarks.Should().ContainSingle().Which.Should().Match<Bookmark>(b =>
            b.Name == BookmarkNames.Delay && b.DueAt == harness.Time.GetUtcNow().AddSeconds(5));
    }

    [Fact]
    public void Sample06_EventInsideFlowNode_WaitsForEvent4()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("06-event-in-flownode.json"));

        var instance = harness.Start(definition).Instance;

        instance.Bookmarks.Should().ContainSingle().Which.Key.Should().Be("Event4");
        harness.LinesOf(instance).Should().Contain("Intermediary");
    }

    [Fact]
    public void Sample07_TimerTrigger_IsListedWithItsOneMinuteInterval()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("07-timer-trigger-bom.json"));

        var triggers = WorkflowTriggers.List(definition);

        triggers.Should().ContainSingle();
        triggers[0].ActivityType.Should().Be("Elsa.Timer");
        triggers[0].Payload["interval"]!.GetValue<string>().Should().Be("00:01:00");
    }

    [Fact]
    public void Sample09_FaultAfterDecision_FaultsTheInstanceAfterLinesACBD()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("09-fault-decision-join-waitall.json"));

        var instance = harness.Start(definition).Instance;

        // See Unsupported.OracleDifferences: counter mode yields the same lines as Elsa's token-mode oracle.
        harness.LinesOf(instance).Should().Equal("A", "C", "B", "D");
        instance.Status.Should().Be(WorkflowStatus.Finished);
        instance.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        instance.Incidents.Should().ContainSingle().Which.ActivityType.Should().Be("Elsa.Fault");
    }

    [Fact]
    public void Sample10_RunTaskOnboarding_SuspendsOnOneTaskThenThreeThenFinishes()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("10-runtask-onboarding.json"));
        var input = new JsonObject { ["Employee"] = new JsonObject { ["name"] = "Alice", ["email"] = "alice@example.org" } };

        var first = harness.Start(definition, input);
        first.Instance.Bookmarks.Should().ContainSingle().Which.Name.Should().Be(BookmarkNames.RunTask);
        first.Outbox.Should().ContainSingle().Which.Payload["taskPayload"]!["employee"]!["name"]!.GetValue<string>().Should().Be("Alice");

        var second = harness.Resume(definition, first.Instance, first.Instance.Bookmarks[0], new JsonObject { ["RunTaskInput"] = "ok" });
        second.Instance.Bookmarks.Should().HaveCount(3).And.OnlyContain(b => b.Name == BookmarkNames.RunTask);
        second.Outbox.Should().HaveCount(3);

        var instance = second.Instance;
        for (var i = 0; i < 2; i++)
        {
            instance = harness.Resume(definition, instance, instance.Bookmarks[0]).Instance;
            instance.SubStatus.Should().Be(WorkflowSubStatus.Suspended, "End is an implicit join waiting for every task");
        }

        instance = harness.Resume(definition, instance, instance.Bookmarks[0]).Instance;
        instance.SubStatus.Should().Be(WorkflowSubStatus.Finished);
    }

    [Fact]
    public void Sample11_HttpRequest_LoadsButTheValidatorNamesTheUnknownActivity()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("11-liquid-httprequest-io.json"));

        var errors = harness.Validator.Validate(definition);

        errors.Should().Contain(e => e.Contains("Elsa.FlowSendHttpRequest", StringComparison.Ordinal)
            && e.Contains("not known to this runtime", StringComparison.Ordinal));
    }

    [Fact]
    public void Sample11_HttpRequest_FaultsWhenExecuted()
    {
        var definition = EngineHarness.Load(TestPaths.Sample("11-liquid-httprequest-io.json"));

        var instance = harness.Start(definition, new JsonObject { ["ProductId"] = 1 }).Instance;

        instance.SubStatus.Should().Be(WorkflowSubStatus.Faulted);
        instance.Incidents.Should().ContainSingle().Which.Message.Should()
            .Be("Activity type 'Elsa.FlowSendHttpRequest' is not known to this runtime.");
    }
}
