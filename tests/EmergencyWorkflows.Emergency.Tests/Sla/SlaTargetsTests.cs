using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Sla;

namespace EmergencyWorkflows.Emergency.Tests.Sla;

public class SlaTargetsTests
{
    private static readonly SlaTargets Configured = new(new SlaTargetsOptions
    {
        DefaultResponse = TimeSpan.FromMinutes(5),
        Rules =
        [
            new SlaTargetRule { Grade = 3, Response = TimeSpan.FromMinutes(30) },
            new SlaTargetRule { Category = "complaint-dispute", Response = TimeSpan.FromMinutes(60) },
            new SlaTargetRule { Grade = 3, Category = "personnel-safety", Response = TimeSpan.FromMinutes(10) },
            new SlaTargetRule { Grade = 1, Response = TimeSpan.FromMinutes(2) },
        ],
    });

    public static TheoryData<IncidentGrade, IncidentCategory, int> Cases => new()
    {
        { IncidentGrade.Level3, IncidentCategory.PersonnelSafety, 10 },      // grade + category
        { IncidentGrade.Level3, IncidentCategory.ComplaintDispute, 30 },     // grade beats category
        { IncidentGrade.Level3, IncidentCategory.ServiceInterruption, 30 },  // grade only
        { IncidentGrade.Level2, IncidentCategory.ComplaintDispute, 60 },     // category only
        { IncidentGrade.Level2, IncidentCategory.ServiceInterruption, 5 },   // default
        { IncidentGrade.Level1, IncidentCategory.ComplaintDispute, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResponseTargetFor_ConfiguredRules_MostSpecificWins(IncidentGrade grade, IncidentCategory category, int minutes)
    {
        Configured.ResponseTargetFor(grade, category).Should().Be(TimeSpan.FromMinutes(minutes));
    }

    [Fact]
    public void PlanDefaults_AnyIncident_FiveMinutes()
    {
        SlaTargets.PlanDefaults.ResponseTargetFor(IncidentGrade.Level1, IncidentCategory.PersonnelSafety)
            .Should().Be(TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData(4, null, 5, "*grade 4*")]
    [InlineData(null, "fire", 5, "*'fire'*")]
    [InlineData(null, null, 5, "*must name a grade, a category*")]
    [InlineData(2, null, 0, "*must be positive*")]
    public void Constructor_InvalidRule_ThrowsWithAClearMessage(int? grade, string? category, int minutes, string message)
    {
        var options = new SlaTargetsOptions
        {
            Rules = [new SlaTargetRule { Grade = grade, Category = category, Response = TimeSpan.FromMinutes(minutes) }],
        };

        var act = () => new SlaTargets(options);

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Constructor_SameKeyTwice_Throws()
    {
        var options = new SlaTargetsOptions
        {
            Rules =
            [
                new SlaTargetRule { Grade = 2, Response = TimeSpan.FromMinutes(3) },
                new SlaTargetRule { Grade = 2, Response = TimeSpan.FromMinutes(4) },
            ],
        };

        var act = () => new SlaTargets(options);

        act.Should().Throw<ArgumentException>().WithMessage("*grade 2 is configured twice*");
    }
}
