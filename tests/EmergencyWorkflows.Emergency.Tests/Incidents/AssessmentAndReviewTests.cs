using EmergencyWorkflows.Emergency.Incidents;

namespace EmergencyWorkflows.Emergency.Tests.Incidents;

public class AssessmentAndReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WhyIncomplete_AssessmentWithMethodAndEvidence_Complete()
    {
        new Assessment(IncidentGrade.Level2, AssessmentMethod.Data | AssessmentMethod.EmployeeFeedback, "40 failed logins", "lead", Now)
            .WhyIncomplete().Should().BeNull();
    }

    [Fact]
    public void WhyIncomplete_AssessmentWithoutMethod_AsksForOne()
    {
        new Assessment(IncidentGrade.Level2, AssessmentMethod.None, "x", "lead", Now).WhyIncomplete().Should().Contain("method");
    }

    [Fact]
    public void WhyIncomplete_AssessmentWithoutEvidence_AsksForIt()
    {
        new Assessment(IncidentGrade.Level3, AssessmentMethod.OnSiteInspection, " ", "lead", Now).WhyIncomplete().Should().Contain("evidence");
    }

    [Theory]
    [InlineData(IncidentGrade.Level1, IncidentGrade.Level2, true)]
    [InlineData(IncidentGrade.Level1, IncidentGrade.Level3, true)]
    [InlineData(IncidentGrade.Level2, IncidentGrade.Level3, false)]
    [InlineData(IncidentGrade.Level3, IncidentGrade.Level1, false)]
    public void RegradeNeedsApproval_OnlyDowngradeFromLevel1(IncidentGrade current, IncidentGrade proposed, bool needs)
    {
        FourEyesRule.RegradeNeedsApproval(current, proposed).Should().Be(needs);
    }

    [Fact]
    public void WhyApprovalInvalid_SamePerson_Refused()
    {
        FourEyesRule.WhyApprovalInvalid("lead", "LEAD", approverIsTeamLead: true).Should().Contain("second team lead");
        FourEyesRule.WhyApprovalInvalid("lead", "lead2", approverIsTeamLead: false).Should().Contain("Only a team lead");
        FourEyesRule.WhyApprovalInvalid("lead", "lead2", approverIsTeamLead: true).Should().BeNull();
    }

    [Fact]
    public void CloseNeedsApproval_Level1Only()
    {
        FourEyesRule.CloseNeedsApproval(IncidentGrade.Level1).Should().BeTrue();
        FourEyesRule.CloseNeedsApproval(IncidentGrade.Level2).Should().BeFalse();
    }

    [Fact]
    public void Overdue_OpenActionPastDue_Listed_DoneOneNot()
    {
        var review = new Review("what", "cause", "lessons",
        [
            new ImprovementAction("a1", "Fix the railing", "m1", Now.AddDays(-1)),
            new ImprovementAction("a2", "Train wardens", "m2", Now.AddDays(-1), DoneAt: Now.AddDays(-2)),
            new ImprovementAction("a3", "Buy first-aid kits", "m3", Now.AddDays(3)),
        ], "lead", Now.AddDays(-5));

        review.WhyIncomplete().Should().BeNull();
        review.Overdue(Now).Select(a => a.Id).Should().Equal("a1");
    }

    [Fact]
    public void WhyIncomplete_ActionWithoutOwner_Refused()
    {
        new Review("what", "cause", "lessons", [new ImprovementAction("a1", "Fix", " ", Now)], "lead", Now)
            .WhyIncomplete().Should().Contain("owner");
    }
}
