using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Sla;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Emergency.Tests.Scenarios.Escalation;

/// <summary>Emergency.ResponseSla, Escalate and AwaitResponse on the pure executor with a fake clock (no sleeping).</summary>
public class EscalationScenarioTests
{
    private static readonly JsonObject Grade1 = new() { ["grade"] = "1" };
    private readonly EmergencyHarness harness = new();
    private readonly Runtime.Definitions.WorkflowDefinition definition = EmergencyHarness.Load("sla-escalation.json");

    [Fact]
    public void ResponseSla_Started_DeadlineFromTargetsTimerBookmarkAndPolicySnapshotted()
    {
        var reported = harness.Time.GetUtcNow();

        var instance = harness.Start(definition, Grade1).Instance;

        instance.Timer(EmergencyBookmarks.SlaDeadline).DueAt.Should().Be(reported.AddMinutes(5));
        instance.Bookmarks.Should().Contain(b => b.Name == EmergencyBookmarks.Response && b.Key == instance.Id);
        var sla = IncidentRecord.ReadSla(instance)!;
        sla.ReportedAt.Should().Be(reported);
        sla.Deadline.Should().Be(reported.AddMinutes(5));
        sla.State.Should().Be(SlaState.Pending);
        var policy = IncidentRecord.ReadPolicy(instance)!;
        policy.PolicyId.Should().Be("grade-1");
        policy.Tiers.Should().HaveCount(2);
        IncidentRecord.ReadIncident(instance)!["category"]!.GetValue<string>().Should().Be("personnel-safety");
    }

    [Fact]
    public void ResponseSla_TargetPerGradeAndCategory_UsesTheMostSpecificRule()
    {
        var targets = new SlaTargets(new SlaTargetsOptions
        {
            Rules = [new SlaTargetRule { Grade = 3, Category = "personnel-safety", Response = TimeSpan.FromSeconds(90) }],
        });
        var registry = new Runtime.Activities.ActivityRegistry([
            .. Runtime.Activities.ActivityRegistry.BuiltIn(), new Activities.ResponseSla(harness.Directory, targets),
            new Escalate(harness.Directory, harness.Signer, harness.Links), new AwaitResponse(),
        ]);
        var executor = new Runtime.Execution.WorkflowExecutor(registry, harness.Evaluator, harness.Time, harness.Lines);

        var instance = executor.Start(definition, new(Input: new JsonObject { ["grade"] = 3 })).Instance;

        instance.Timer(EmergencyBookmarks.SlaDeadline).DueAt.Should().Be(harness.Time.GetUtcNow().AddSeconds(90));
    }

    [Fact]
    public void ResponseSla_AcknowledgedBeforeDeadline_MetNoNotificationAndTimerGone()
    {
        var started = harness.Start(definition, Grade1).Instance;
        harness.Time.Advance(TimeSpan.FromMinutes(2));

        var result = harness.Respond(definition, started, ResponseKind.Acknowledge);

        result.Notifications().Should().BeEmpty();
        result.Instance.HasTimer(EmergencyBookmarks.SlaDeadline).Should().BeFalse("the deadline timer is cancelled with the SLA step");
        harness.Lines.Of(result.Instance).Should().Equal("met");
        var sla = IncidentRecord.ReadSla(result.Instance)!;
        sla.State.Should().Be(SlaState.Met);
        sla.TimeToAcknowledge.Should().Be(TimeSpan.FromMinutes(2));
        result.Instance.Bookmarks.Should().ContainSingle(b => b.Name == EmergencyBookmarks.Response, "the flow now awaits the arrival");
    }

    [Fact]
    public void AwaitResponse_ArrivalAfterAcknowledgement_RecordsTimeToArrive()
    {
        var started = harness.Start(definition, Grade1).Instance;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var acknowledged = harness.Respond(definition, started, ResponseKind.Acknowledge).Instance;
        harness.Time.Advance(TimeSpan.FromMinutes(11));

        var arrived = harness.Respond(definition, acknowledged, ResponseKind.Arrive, by: "r1").Instance;

        harness.Lines.Of(arrived).Should().Equal("met", "on site");
        var sla = IncidentRecord.ReadSla(arrived)!;
        sla.TimeToArrive.Should().Be(TimeSpan.FromMinutes(12));
        sla.State.Should().Be(SlaState.Met, "an arrival after the deadline does not unsettle an SLA met by the acknowledgement");
        IncidentRecord.ReadResponses(arrived).Select(r => (string?)r!["by"]).Should().Equal("lead", "r1");
        arrived.IsFinished.Should().BeTrue();
    }

    [Fact]
    public void ResponseSla_ArrivalMeetsIt_AwaitArrivalCompletesAtOnce()
    {
        var started = harness.Start(definition, Grade1).Instance;

        var arrived = harness.Respond(definition, started, ResponseKind.Arrive).Instance;

        harness.Lines.Of(arrived).Should().Equal("met", "on site");
        arrived.IsFinished.Should().BeTrue();
    }

    [Fact]
    public void ResponseSla_DeadlinePasses_BreachedAndTier1NotifiedAtOnceWithDedupIds()
    {
        var started = harness.Start(definition, Grade1).Instance;

        var result = harness.FireTimer(definition, started, EmergencyBookmarks.SlaDeadline);

        IncidentRecord.ReadSla(result.Instance)!.State.Should().Be(SlaState.Breached);
        var messages = result.Notifications();
        messages.Recipients().Should().Equal("r1");
        messages.Select(m => (string)m.Payload["channel"]!).Should().BeEquivalentTo("Email", "InApp");
        messages.Should().OnlyContain(m => (int)m.Payload["tier"]! == 1 && (int)m.Payload["repetition"]! == 1);
        foreach (var message in messages)
        {
            var (notification, instanceId) = NotificationOutbox.FromPayload(message.Payload);
            instanceId.Should().Be(result.Instance.Id);
            message.Id.Should().Be(NotificationOutbox.MessageId(notification), "the message id is the dedup key");
        }

        result.Instance.Timer(EmergencyBookmarks.EscalationStep).DueAt.Should().Be(started.Timer(EmergencyBookmarks.SlaDeadline).DueAt!.Value.AddMinutes(10));
    }

    [Fact]
    public void Escalate_NotificationAckLink_IsSignedForTheIncidentAndMemberAndExpires()
    {
        var started = harness.Start(definition, Grade1).Instance;
        var result = harness.FireTimer(definition, started, EmergencyBookmarks.SlaDeadline);

        var link = new Uri((string)result.Notifications()[0].Payload["ackUrl"]!);
        link.GetLeftPart(UriPartial.Path).Should().Be("https://ew.example/api/ack");
        var token = link.Query.Split("token=")[1];
        var verified = harness.Signer.Verify(token, harness.Time.GetUtcNow());
        verified.Status.Should().Be(AckLinkStatus.Valid);
        verified.IncidentId.Should().Be(result.Instance.Id);
        verified.MemberId.Should().Be("r1");
        harness.Signer.Verify(token, harness.Time.GetUtcNow().AddHours(2)).Status.Should().Be(AckLinkStatus.Expired);
    }

    [Fact]
    public void Escalate_Tier2AfterItsDelay_ThenExhausted()
    {
        var started = harness.Start(definition, Grade1).Instance;
        var breached = harness.FireTimer(definition, started, EmergencyBookmarks.SlaDeadline).Instance;

        var tier2 = harness.FireTimer(definition, breached, EmergencyBookmarks.EscalationStep);

        tier2.Notifications().Recipients().Should().Equal("lead");
        tier2.Notifications().Should().OnlyContain(m => (int)m.Payload["tier"]! == 2);
        harness.Lines.Of(tier2.Instance).Should().Equal("exhausted");
        IncidentRecord.ReadEscalation(tier2.Instance).Select(r => (int)r!["tier"]!).Should().Equal(1, 2);
    }

    [Fact]
    public void Escalate_RepeatCount_SendsTheTierAgainAtItsInterval()
    {
        harness.Directory.Policies = [new EscalationPolicy("grade-1", "Repeat", 1,
            [new EscalationTier(TimeSpan.Zero, [EscalationTarget.Role(TeamRoles.Responder)], repeatCount: 1, repeatInterval: TimeSpan.FromMinutes(3))])];
        var breached = harness.FireTimer(definition, harness.Start(definition, Grade1).Instance, EmergencyBookmarks.SlaDeadline);
        var deadline = IncidentRecord.ReadSla(breached.Instance)!.Deadline;

        breached.Instance.Timer(EmergencyBookmarks.EscalationStep).DueAt.Should().Be(deadline.AddMinutes(3));
        var again = harness.FireTimer(definition, breached.Instance, EmergencyBookmarks.EscalationStep);

        again.Notifications().Should().OnlyContain(m => (int)m.Payload["repetition"]! == 2 && (string)m.Payload["recipientId"]! == "r1");
        again.Notifications().Should().NotBeEmpty();
    }

    [Fact]
    public void Escalate_TierThatResolvesToNobody_NextTierNotifiedAtOnce()
    {
        harness.Directory.Policies = [new EscalationPolicy("grade-1", "Gap first", 1,
        [
            new EscalationTier(TimeSpan.Zero, [EscalationTarget.Rotation("nobody-on-call")]),
            new EscalationTier(TimeSpan.FromHours(1), [EscalationTarget.Person("head-it")]),
        ])];
        var started = harness.Start(definition, Grade1).Instance;

        var result = harness.FireTimer(definition, started, EmergencyBookmarks.SlaDeadline);

        result.Notifications().Recipients().Should().Equal("head-it");
        result.Notifications().Should().OnlyContain(m => (int)m.Payload["tier"]! == 2);
        harness.Lines.Of(result.Instance).Should().Equal("exhausted");
    }

    [Fact]
    public void Escalate_PolicyEditedMidIncident_RunningEscalationKeepsTheSnapshot()
    {
        var started = harness.Start(definition, Grade1).Instance;
        harness.Directory.Policies = [new EscalationPolicy("grade-1", "Edited", 2,
            [new EscalationTier(TimeSpan.Zero, [EscalationTarget.Person("head-it")])])];

        var breached = harness.FireTimer(definition, started, EmergencyBookmarks.SlaDeadline);
        var tier2 = harness.FireTimer(definition, breached.Instance, EmergencyBookmarks.EscalationStep);

        breached.Notifications().Recipients().Should().Equal("r1");
        tier2.Notifications().Recipients().Should().Equal("lead");
        IncidentRecord.ReadPolicy(tier2.Instance)!.PolicyVersion.Should().Be(1);
    }

    [Fact]
    public void Escalate_AcknowledgedBetweenTiers_StopsWithRespondedAndNoTimerLeft()
    {
        var started = harness.Start(definition, Grade1).Instance;
        var breached = harness.FireTimer(definition, started, EmergencyBookmarks.SlaDeadline).Instance;
        harness.Time.Advance(TimeSpan.FromMinutes(4));

        var acknowledged = harness.Respond(definition, breached, ResponseKind.Acknowledge);

        acknowledged.Notifications().Should().BeEmpty();
        acknowledged.Instance.Bookmarks.Should().BeEmpty();
        harness.Lines.Of(acknowledged.Instance).Should().Equal("responded");
        var sla = IncidentRecord.ReadSla(acknowledged.Instance)!;
        sla.State.Should().Be(SlaState.Breached);
        sla.TimeToAcknowledge.Should().Be(TimeSpan.FromMinutes(9));
    }

    [Fact]
    public void Escalate_NoPolicyForTheGrade_ExhaustedWithoutNotifications()
    {
        harness.Directory.Policies = [];
        var started = harness.Start(definition, Grade1).Instance;

        var result = harness.FireTimer(definition, started, EmergencyBookmarks.SlaDeadline);

        result.Notifications().Should().BeEmpty();
        harness.Lines.Of(result.Instance).Should().Equal("exhausted");
    }

    [Fact]
    public void ResponseSla_UnknownGrade_FaultsWithAClearIncident()
    {
        var result = harness.Start(definition, new JsonObject { ["grade"] = "7" });

        result.Instance.Incidents.Should().ContainSingle().Which.Message.Should().Contain("grade '7'");
    }

    [Fact]
    public void RepositoryWorkflows_WithTheEmergencyActivities_AreValid()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryWorkflows(), "*.json"))
        {
            var loaded = Runtime.Definitions.WorkflowDefinitionReader.Read(File.ReadAllBytes(file));

            harness.Validator.Validate(loaded).Should().BeEmpty(file);
            loaded.Root.Should().NotBeNull();
        }
    }

    [Fact]
    public void RepositoryWorkflow_Started_RunsTheSlaAndOpensNoTaskBeforeTheAssessment()
    {
        var loaded = Runtime.Definitions.WorkflowDefinitionReader.Read(File.ReadAllBytes(Path.Combine(RepositoryWorkflows(), "personnel-safety.json")));

        var instance = harness.Start(loaded, new JsonObject { ["grade"] = 1 }).Instance;

        instance.Bookmarks.Select(b => b.Name).Should().Contain([EmergencyBookmarks.SlaDeadline, EmergencyBookmarks.Response])
            .And.NotContain("Elsa.RunTask");
        var responded = harness.Respond(loaded, instance, ResponseKind.Acknowledge).Instance;
        responded.Bookmarks.Should().Contain(b => b.Name == EmergencyBookmarks.IncidentSignal && (string?)b.Payload["signal"] == "Assessed")
            .And.NotContain(b => b.Name == "Elsa.RunTask", "the tasks open after the assessment (plan 3.2 before 3.3)");
        responded.Status.Should().Be(WorkflowStatus.Running);
    }

    private static string RepositoryWorkflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyWorkflows.sln")))
            {
                return Path.Combine(dir.FullName, "workflows");
            }
        }

        throw new InvalidOperationException("EmergencyWorkflows.sln not found");
    }
}
