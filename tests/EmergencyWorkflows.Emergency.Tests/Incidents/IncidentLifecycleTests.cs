using EmergencyWorkflows.Emergency.Incidents;

namespace EmergencyWorkflows.Emergency.Tests.Incidents;

public class IncidentLifecycleTests
{
    [Theory]
    [InlineData(IncidentStatus.Reported, IncidentStatus.Responding)]
    [InlineData(IncidentStatus.Responding, IncidentStatus.Assessed)]
    [InlineData(IncidentStatus.Assessed, IncidentStatus.Handling)]
    [InlineData(IncidentStatus.Handling, IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Resolved, IncidentStatus.Reviewed)]
    [InlineData(IncidentStatus.Reviewed, IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Reported, IncidentStatus.Cancelled)]
    public void WhyNot_PlanOrderForGradedIncident_Legal(IncidentStatus from, IncidentStatus to)
    {
        IncidentLifecycle.WhyNot(from, to, IncidentGrade.Level1).Should().BeNull();
    }

    [Theory]
    [InlineData(IncidentStatus.Reported, IncidentStatus.Handling)]
    [InlineData(IncidentStatus.Reported, IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Handling, IncidentStatus.Assessed)]
    [InlineData(IncidentStatus.Closed, IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Cancelled, IncidentStatus.Responding)]
    public void WhyNot_SkippingOrGoingBack_RefusedWithExplanation(IncidentStatus from, IncidentStatus to)
    {
        var why = IncidentLifecycle.WhyNot(from, to, IncidentGrade.Level3);

        why.Should().NotBeNullOrWhiteSpace().And.Contain(from.ToString());
    }

    [Fact]
    public void WhyNot_CancelWhileHandling_RefusedAsNotAFalseAlarm()
    {
        IncidentLifecycle.WhyNot(IncidentStatus.Handling, IncidentStatus.Cancelled, IncidentGrade.Level2)
            .Should().Contain("false alarm");
    }

    [Theory]
    [InlineData(IncidentGrade.Level1)]
    [InlineData(IncidentGrade.Level2)]
    public void WhyNot_CloseLevel1Or2WithoutReview_Refused(IncidentGrade grade)
    {
        IncidentLifecycle.WhyNot(IncidentStatus.Resolved, IncidentStatus.Closed, grade).Should().Contain("review");
    }

    [Fact]
    public void WhyNot_CloseLevel3WithoutReview_Legal()
    {
        IncidentLifecycle.CanMove(IncidentStatus.Resolved, IncidentStatus.Closed, IncidentGrade.Level3).Should().BeTrue();
    }

    [Fact]
    public void WhyNot_HandlingBeforeGrade_AsksForTheAssessment()
    {
        IncidentLifecycle.WhyNot(IncidentStatus.Assessed, IncidentStatus.Handling, grade: null).Should().Contain("grade");
    }

    [Fact]
    public void WhyNot_SameState_SaysAlready()
    {
        IncidentLifecycle.WhyNot(IncidentStatus.Responding, IncidentStatus.Responding, null).Should().Contain("already");
    }

    [Fact]
    public void IsOpen_ClosedAndCancelled_NotOpen()
    {
        Enum.GetValues<IncidentStatus>().Where(IncidentLifecycle.IsOpen)
            .Should().NotContain([IncidentStatus.Closed, IncidentStatus.Cancelled]).And.HaveCount(6);
    }
}
