using EmergencyWorkflows.Emergency.Incidents;

namespace EmergencyWorkflows.Emergency.Tests.Incidents;

public class GradeSuggesterTests
{
    private static IncidentReport Report(string situation, int affected = 1, IncidentCategory? category = null) =>
        new(DateTimeOffset.UnixEpoch, "Building A", [], affected, category, situation,
            new ReporterContact("Reporter", "+86 138 0000 0000", null, null), ReportChannel.Web, []);

    [Fact]
    public void Suggest_CasualtiesCounted_Level1()
    {
        var suggestion = new GradeSuggester().Suggest(Report("A fall on the stairs") with { Casualties = 2 });

        suggestion.Grade.Should().Be(IncidentGrade.Level1);
        suggestion.Reasons.Should().ContainMatch("*2 casualties*");
    }

    [Theory]
    [InlineData("有员工受伤，已呼叫急救")]
    [InlineData("Fire in the canteen kitchen")]
    [InlineData("员工宿舍起火")]
    public void Suggest_SituationMentionsInjuryOrMajorLoss_Level1(string situation)
    {
        new GradeSuggester().Suggest(Report(situation)).Grade.Should().Be(IncidentGrade.Level1);
    }

    [Fact]
    public void Suggest_ManyAffected_Level2()
    {
        var suggestion = new GradeSuggester(manyAffectedThreshold: 10).Suggest(Report("Canteen card readers fail", affected: 40));

        suggestion.Grade.Should().Be(IncidentGrade.Level2);
        suggestion.Reasons.Should().ContainMatch("*40 people*");
    }

    [Fact]
    public void Suggest_ServiceInterruptionOutage_Level2()
    {
        new GradeSuggester().Suggest(Report("考勤系统宕机", affected: 1, IncidentCategory.ServiceInterruption))
            .Grade.Should().Be(IncidentGrade.Level2);
    }

    [Fact]
    public void Suggest_OneEmployeeComplaint_Level3()
    {
        var suggestion = new GradeSuggester().Suggest(Report("Salary slip shows the wrong overtime", 1, IncidentCategory.ComplaintDispute));

        suggestion.Grade.Should().Be(IncidentGrade.Level3);
        suggestion.Reasons.Should().ContainSingle().Which.Should().StartWith("1 person affected");
    }

    [Fact]
    public void Suggest_WordDownInsideAnotherWord_NotAnOutage()
    {
        new GradeSuggester().Suggest(Report("Printer downstairs jams", 1, IncidentCategory.ServiceInterruption))
            .Grade.Should().Be(IncidentGrade.Level3);
    }
}
