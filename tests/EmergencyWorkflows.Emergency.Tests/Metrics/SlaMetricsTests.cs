using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Metrics;
using EmergencyWorkflows.Emergency.Sla;

namespace EmergencyWorkflows.Emergency.Tests.Metrics;

/// <summary>The response metrics on hand-made incidents with explicit instants (the plan's 5-minute target).</summary>
public class SlaMetricsTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);

    private static IncidentSample Incident(
        string id, DateTimeOffset reportedAt, TimeSpan? ack = null, TimeSpan? arrive = null, IncidentGrade? grade = IncidentGrade.Level1,
        IncidentCategory? category = IncidentCategory.PersonnelSafety, bool breachRan = false, DateTimeOffset? closedAt = null,
        bool cancelled = false, TimeSpan? target = null)
    {
        var sla = ResponseSla.Start(reportedAt, target ?? Five);
        if (breachRan)
        {
            sla = sla.Breach(sla.Deadline);
        }

        if (ack is { } a)
        {
            sla = sla.Acknowledge(reportedAt + a);
        }

        if (arrive is { } r)
        {
            sla = sla.Arrive(reportedAt + r);
        }

        return new IncidentSample(id, category, grade, reportedAt, sla, closedAt, cancelled);
    }

    [Fact]
    public void Classify_AcknowledgedAtTwoMinutes_Met()
    {
        var incident = Incident("a", Day0, ack: TimeSpan.FromMinutes(2));

        SlaMetrics.Classify(incident, Day0.AddHours(1)).Should().Be(SlaOutcome.Met);
    }

    [Fact]
    public void Classify_RespondedAtTheDeadlineOrJustAfter_MetThenLate()
    {
        var atDeadline = Incident("a", Day0, ack: Five);
        var tickLate = Incident("b", Day0, arrive: Five + TimeSpan.FromTicks(1));

        SlaMetrics.Classify(atDeadline, Day0.AddHours(1)).Should().Be(SlaOutcome.Met);
        SlaMetrics.Classify(tickLate, Day0.AddHours(1)).Should().Be(SlaOutcome.Late);
    }

    [Fact]
    public void Classify_NoResponseAndDeadlinePassed_NeverAcknowledgedEvenBeforeTheBreachJobRan()
    {
        var breachJobRan = Incident("a", Day0, breachRan: true);
        var breachJobLate = Incident("b", Day0);

        SlaMetrics.Classify(breachJobRan, Day0.AddHours(1)).Should().Be(SlaOutcome.NeverAcknowledged);
        SlaMetrics.Classify(breachJobLate, Day0 + Five).Should().Be(SlaOutcome.NeverAcknowledged, "the deadline instant itself is a breach");
        SlaMetrics.Classify(breachJobLate, Day0 + Five - TimeSpan.FromTicks(1)).Should().Be(SlaOutcome.Pending);
    }

    [Fact]
    public void Classify_CancelledWithoutResponse_NotCountedUnlessItHadAlreadyBreached()
    {
        var falseAlarm = Incident("a", Day0, cancelled: true, closedAt: Day0.AddMinutes(3));
        var cancelledAfterDeadline = Incident("b", Day0, cancelled: true, closedAt: Day0.AddMinutes(20));

        SlaMetrics.Classify(falseAlarm, Day0.AddHours(1)).Should().Be(SlaOutcome.Cancelled);
        SlaMetrics.Classify(cancelledAfterDeadline, Day0.AddHours(1)).Should().Be(SlaOutcome.NeverAcknowledged);
    }

    [Fact]
    public void Classify_NoSlaRecorded_NoSla()
    {
        var triage = new IncidentSample("t", null, null, Day0, null);

        SlaMetrics.Classify(triage, Day0.AddDays(1)).Should().Be(SlaOutcome.NoSla);
    }

    [Fact]
    public void Compute_AcknowledgeAndArrive_GroupedByGradeAndCategoryWithNeverAcknowledgedAsBreach()
    {
        IncidentSample[] incidents =
        [
            Incident("ack2", Day0.AddHours(1), ack: TimeSpan.FromMinutes(2), arrive: TimeSpan.FromMinutes(12)),
            Incident("never", Day0.AddHours(2), breachRan: true),
            Incident("late7", Day0.AddHours(3), ack: TimeSpan.FromMinutes(7), grade: IncidentGrade.Level2, category: IncidentCategory.ServiceInterruption),
            Incident("arrive3", Day0.AddHours(4), arrive: TimeSpan.FromMinutes(3), grade: null, category: IncidentCategory.ComplaintDispute),
            Incident("open", Day0.AddDays(1).AddMinutes(-2), grade: IncidentGrade.Level3),
        ];

        var report = SlaMetrics.Compute(incidents, Day0, Day0.AddDays(1), Day0.AddDays(1), SlaTargets.PlanDefaults);

        report.Totals.Should().Be(new SlaTotals(Reported: 5, Met: 2, Late: 1, NeverAcknowledged: 1, Pending: 1, Cancelled: 0, NoSla: 0));
        report.Totals.PercentMet.Should().BeApproximately(50, 0.001);
        var ackByGrade = report.Acknowledge.ByGrade.ToDictionary(g => g.Key);
        ackByGrade.Keys.Should().Equal("1", "2", "3", SlaMetrics.NoGradeKey);
        ackByGrade["1"].Times.Should().ContainSingle().Which.Should().Be(new ResponseTime("ack2", TimeSpan.FromMinutes(2), Five));
        ackByGrade["1"].Never.Should().Be(1);
        ackByGrade["1"].WithinTarget.Should().Be(1);
        ackByGrade["2"].OverTarget.Should().Be(1);
        ackByGrade["3"].Awaiting.Should().Be(1);
        ackByGrade[SlaMetrics.NoGradeKey].Without.Should().Be(1, "it responded by arriving, which is no acknowledgement and no breach");
        ackByGrade.Values.Should().OnlyContain(g => g.Targets.SequenceEqual(new[] { Five }));

        var ackByCategory = report.Acknowledge.ByCategory.ToDictionary(g => g.Key);
        ackByCategory.Keys.Should().Equal("personnel-safety", "service-interruption", "complaint-dispute");
        ackByCategory["personnel-safety"].Count.Should().Be(3);
        ackByCategory["personnel-safety"].Never.Should().Be(1);
        ackByCategory["personnel-safety"].Awaiting.Should().Be(1);

        var arriveByGrade = report.Arrive.ByGrade.ToDictionary(g => g.Key);
        arriveByGrade["1"].Times.Select(t => t.Elapsed).Should().Equal(TimeSpan.FromMinutes(12));
        arriveByGrade["1"].OverTarget.Should().Be(1);
        arriveByGrade["1"].Never.Should().Be(0, "a missing arrival is no breach when the team acknowledged");
        arriveByGrade[SlaMetrics.NoGradeKey].Times.Select(t => t.Elapsed).Should().Equal(TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void Compute_ConfiguredRules_GroupTargetsFollowTheMostSpecificRule()
    {
        var targets = new SlaTargets(new SlaTargetsOptions
        {
            Rules =
            [
                new SlaTargetRule { Grade = 3, Response = TimeSpan.FromMinutes(15) },
                new SlaTargetRule { Category = "complaint-dispute", Response = TimeSpan.FromMinutes(10) },
            ],
        });

        var report = SlaMetrics.Compute([], Day0, Day0.AddDays(7), Day0.AddDays(7), targets);
        var filtered = SlaMetrics.Compute([], Day0, Day0.AddDays(7), Day0.AddDays(7), targets, category: IncidentCategory.PersonnelSafety);

        var byGrade = report.Acknowledge.ByGrade.ToDictionary(g => g.Key, g => g.Targets);
        byGrade["1"].Should().Equal(Five, TimeSpan.FromMinutes(10));
        byGrade["3"].Should().Equal(TimeSpan.FromMinutes(15));
        report.Acknowledge.ByCategory.Single(g => g.Key == "complaint-dispute").Targets.Should().Equal(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15));
        filtered.Acknowledge.ByGrade.Single(g => g.Key == "1").Targets.Should().Equal(Five);
        filtered.Acknowledge.ByCategory.Select(g => g.Key).Should().Equal("personnel-safety");
    }

    [Fact]
    public void Compute_CompliancePerDay_CountsEachIncidentInItsReportDayWithHalfOpenBoundaries()
    {
        IncidentSample[] incidents =
        [
            Incident("before", Day0.AddTicks(-1), ack: TimeSpan.FromMinutes(1)),
            Incident("first", Day0, ack: TimeSpan.FromMinutes(1)),
            Incident("endOfDay0", Day0.AddDays(1).AddTicks(-1), breachRan: true),
            Incident("day1", Day0.AddDays(1), ack: TimeSpan.FromMinutes(9)),
            Incident("day1met", Day0.AddDays(1).AddHours(5), arrive: TimeSpan.FromMinutes(4)),
            Incident("atEnd", Day0.AddDays(3), ack: TimeSpan.FromMinutes(1)),
        ];

        var report = SlaMetrics.Compute(incidents, Day0, Day0.AddDays(3), Day0.AddDays(4), SlaTargets.PlanDefaults);

        report.Bucket.Should().Be(MetricsBucket.Day);
        report.Compliance.Select(b => (b.Start, b.End)).Should().Equal(
            (Day0, Day0.AddDays(1)), (Day0.AddDays(1), Day0.AddDays(2)), (Day0.AddDays(2), Day0.AddDays(3)));
        report.Compliance.Select(b => (b.Met, b.Late, b.NeverAcknowledged)).Should().Equal((1, 0, 1), (1, 1, 0), (0, 0, 0));
        report.Compliance.Select(b => b.PercentMet).Should().Equal(50.0, 50.0, null);
        report.Totals.Reported.Should().Be(4, "the incident reported before the period and the one at its end are outside");
    }

    [Fact]
    public void Compute_Volume_ReportedClosedAndOpenAtTheEndOfEachDay()
    {
        IncidentSample[] incidents =
        [
            Incident("carried", Day0.AddDays(-3), ack: TimeSpan.FromMinutes(1), closedAt: Day0.AddDays(1).AddHours(2)),
            Incident("a", Day0.AddHours(9), ack: TimeSpan.FromMinutes(1), closedAt: Day0.AddHours(20)),
            Incident("b", Day0.AddHours(10), ack: TimeSpan.FromMinutes(1)),
            Incident("c", Day0.AddDays(2).AddHours(1), ack: TimeSpan.FromMinutes(1)),
        ];
        var now = Day0.AddDays(2).AddHours(12);

        var report = SlaMetrics.Compute(incidents, Day0, Day0.AddDays(3), now, SlaTargets.PlanDefaults);

        report.Volume.Select(v => (v.Reported, v.Closed, v.OpenAtEnd)).Should().Equal(
            (2, 1, 2), // carried + b open at midnight
            (0, 1, 1), // carried closed
            (1, 0, 2)); // today: open now (b, c)
    }

    [Fact]
    public void Compute_NinetyDays_WeeklyBucketsTheLastOneCutAtTheEnd()
    {
        var to = Day0.AddDays(90);

        var report = SlaMetrics.Compute([], Day0, to, to, SlaTargets.PlanDefaults);

        report.Bucket.Should().Be(MetricsBucket.Week);
        report.Compliance.Should().HaveCount(13);
        report.Compliance[^1].Start.Should().Be(Day0.AddDays(84));
        report.Compliance[^1].End.Should().Be(to);
        SlaMetrics.BucketFor(Day0, Day0.AddDays(30)).Should().Be(MetricsBucket.Day);
    }

    [Fact]
    public void Compute_PeriodEndingBeforeItStarts_Throws()
    {
        var act = () => SlaMetrics.Compute([], Day0, Day0, Day0, SlaTargets.PlanDefaults);

        act.Should().Throw<ArgumentException>().WithMessage("*must end after it starts*");
    }

    [Fact]
    public void Quantile_NearestRank_MedianAndNinetiethOfTenValues()
    {
        var minutes = Enumerable.Range(1, 10).Select(m => TimeSpan.FromMinutes(m)).Reverse().ToList();

        SlaMetrics.Quantile(minutes, 0.5).Should().Be(TimeSpan.FromMinutes(5));
        SlaMetrics.Quantile(minutes, 0.9).Should().Be(TimeSpan.FromMinutes(9));
        SlaMetrics.Quantile([], 0.5).Should().BeNull();
    }
}
