using System.Text.Json;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Sla;

namespace EmergencyWorkflows.Emergency.Tests.Sla;

public class ResponseSlaTests
{
    private static readonly DateTimeOffset Reported = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly ResponseSla Fresh = ResponseSla.Start(Reported, TimeSpan.FromMinutes(5));

    [Fact]
    public void Start_FiveMinuteTarget_DeadlineFiveMinutesAfterReportAndPending()
    {
        Fresh.Deadline.Should().Be(Reported.AddMinutes(5));
        Fresh.State.Should().Be(SlaState.Pending);
        Fresh.TimeToAcknowledge.Should().BeNull();
        Fresh.TimeToArrive.Should().BeNull();
    }

    [Fact]
    public void Acknowledge_BeforeDeadline_MetWithTimeToAcknowledge()
    {
        var sla = Fresh.Acknowledge(Reported.AddSeconds(90));

        sla.State.Should().Be(SlaState.Met);
        sla.TimeToAcknowledge.Should().Be(TimeSpan.FromSeconds(90));
        sla.RespondedAt.Should().Be(Reported.AddSeconds(90));
    }

    [Fact]
    public void Arrive_ExactlyAtDeadline_Met()
    {
        var sla = Fresh.Arrive(Reported.AddMinutes(5));

        sla.State.Should().Be(SlaState.Met);
        sla.TimeToArrive.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Acknowledge_AfterDeadlineBeforeBreachJob_Breached()
    {
        var sla = Fresh.Acknowledge(Reported.AddMinutes(5).AddTicks(1));

        sla.State.Should().Be(SlaState.Breached);
        sla.AcknowledgedAt.Should().Be(Reported.AddMinutes(5).AddTicks(1));
    }

    [Fact]
    public void Acknowledge_AfterBreach_RecordsTimeButStaysBreached()
    {
        var sla = Fresh.Breach(Reported.AddMinutes(5)).Acknowledge(Reported.AddMinutes(7));

        sla.State.Should().Be(SlaState.Breached);
        sla.TimeToAcknowledge.Should().Be(TimeSpan.FromMinutes(7));
    }

    [Fact]
    public void Breach_AfterMet_StaysMet()
    {
        var sla = Fresh.Arrive(Reported.AddMinutes(4)).Breach(Reported.AddMinutes(5));

        sla.State.Should().Be(SlaState.Met);
    }

    [Fact]
    public void Breach_BeforeDeadline_NoOp()
    {
        Fresh.Breach(Reported.AddMinutes(4)).Should().BeSameAs(Fresh);
    }

    [Fact]
    public void Breach_Twice_Idempotent()
    {
        var once = Fresh.Breach(Reported.AddMinutes(6));

        once.Breach(Reported.AddMinutes(8)).Should().Be(once);
        once.State.Should().Be(SlaState.Breached);
    }

    [Fact]
    public void Acknowledge_Twice_KeepsTheFirst()
    {
        var sla = Fresh.Acknowledge(Reported.AddMinutes(1)).Acknowledge(Reported.AddMinutes(2));

        sla.AcknowledgedAt.Should().Be(Reported.AddMinutes(1));
    }

    [Fact]
    public void Arrive_AfterAcknowledgeMet_RecordsArrivalAndStaysMet()
    {
        var sla = Fresh.Acknowledge(Reported.AddMinutes(1)).Arrive(Reported.AddMinutes(20));

        sla.State.Should().Be(SlaState.Met);
        sla.TimeToAcknowledge.Should().Be(TimeSpan.FromMinutes(1));
        sla.TimeToArrive.Should().Be(TimeSpan.FromMinutes(20));
        sla.RespondedAt.Should().Be(Reported.AddMinutes(1));
    }

    [Fact]
    public void Acknowledge_BeforeReport_Throws()
    {
        var act = () => Fresh.Acknowledge(Reported.AddSeconds(-1));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Start_NonPositiveTarget_Throws()
    {
        var act = () => ResponseSla.Start(Reported, TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Start_FromTargets_DeadlineFromTheGradeAndCategoryRule()
    {
        var targets = new SlaTargets(new SlaTargetsOptions { Rules = [new SlaTargetRule { Grade = 1, Response = TimeSpan.FromMinutes(2) }] });

        ResponseSla.Start(Reported, targets, IncidentGrade.Level1, IncidentCategory.ServiceInterruption).Deadline
            .Should().Be(Reported.AddMinutes(2));
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryField()
    {
        var sla = Fresh.Acknowledge(Reported.AddMinutes(1)).Arrive(Reported.AddMinutes(12));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var copy = JsonSerializer.Deserialize<ResponseSla>(JsonSerializer.Serialize(sla, options), options);

        copy.Should().Be(sla);
    }
}
