using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;
using static EmergencyWorkflows.Emergency.Tests.Escalation.EscalationFixtures;

namespace EmergencyWorkflows.Emergency.Tests.Escalation;

public class EscalationPlannerTests
{
    private static readonly RecipientResolver Resolver = new(Members, [Daily]);

    private static PolicySnapshot Snapshot(params EscalationTier[] tiers) =>
        PolicySnapshot.Take(new EscalationPolicy("p", "Policy", 1, tiers), Deadline.AddMinutes(-5));

    private static EscalationTier Tier(int delayMinutes, EscalationTarget[] targets, int repeat = 0, int intervalMinutes = 0) =>
        new(TimeSpan.FromMinutes(delayMinutes), targets, repeat, intervalMinutes == 0 ? null : TimeSpan.FromMinutes(intervalMinutes));

    [Fact]
    public void Plan_ThreeTiersWithRepeats_OrderedStepsWithDueTimes()
    {
        var snapshot = Snapshot(
            Tier(0, [EscalationTarget.Rotation("responders")], repeat: 2, intervalMinutes: 5),
            Tier(10, [EscalationTarget.Role(TeamRoles.DepartmentHead)]),
            Tier(15, [EscalationTarget.Person("lead")], repeat: 1, intervalMinutes: 30));

        var plan = EscalationPlanner.Plan(snapshot, Deadline, Resolver);

        plan.Select(s => (s.Tier, s.Repetition, s.DueAt, string.Join(",", s.RecipientIds))).Should().Equal(
            (1, 1, Deadline, "r1"),
            (1, 2, Deadline.AddMinutes(5), "r1"),
            (1, 3, Deadline.AddMinutes(10), "r1"),
            (2, 1, Deadline.AddMinutes(20), "head-it,head-fac"),
            (3, 1, Deadline.AddMinutes(35), "lead"),
            (3, 2, Deadline.AddMinutes(65), "lead"));
    }

    [Fact]
    public void Plan_RosterAndRotationsOverload_SameAsWithAResolver()
    {
        var snapshot = Snapshot(Tier(1, [EscalationTarget.Rotation("responders"), EscalationTarget.Role(TeamRoles.TeamLead)]));

        var plan = EscalationPlanner.Plan(snapshot, Deadline, Members, [Daily]);

        plan.Should().BeEquivalentTo([new EscalationStep(1, 1, Deadline.AddMinutes(1), ["r1", "lead"])]);
    }

    [Fact]
    public void Plan_TierResolvesToNobody_NextTierDueAtTheSameInstant()
    {
        var snapshot = Snapshot(
            Tier(2, [EscalationTarget.Person("r1")]),
            Tier(10, [EscalationTarget.Role("no-such-role"), EscalationTarget.Person("left-the-company")]),
            Tier(15, [EscalationTarget.Person("lead")]),
            Tier(5, [EscalationTarget.WholeTeam]));

        var plan = EscalationPlanner.Plan(snapshot, Deadline, Resolver);

        plan.Select(s => (s.Tier, s.DueAt)).Should().Equal(
            (1, Deadline.AddMinutes(2)),
            (3, Deadline.AddMinutes(12)),   // tier 2 was due at +12 and found nobody: tier 3 takes its place at once
            (4, Deadline.AddMinutes(17)));
    }

    [Fact]
    public void Plan_ConsecutiveEmptyTiers_AllCollapseOntoTheFirstEmptyInstant()
    {
        var snapshot = Snapshot(
            Tier(3, [EscalationTarget.Role("ghost")]),
            Tier(10, [EscalationTarget.Rotation("unknown-rotation")]),
            Tier(20, [EscalationTarget.Person("lead")]));

        var plan = EscalationPlanner.Plan(snapshot, Deadline, Resolver);

        plan.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new EscalationStep(3, 1, Deadline.AddMinutes(3), ["lead"]));
    }

    [Fact]
    public void Plan_EveryTierEmpty_NoSteps()
    {
        var snapshot = Snapshot(Tier(0, [EscalationTarget.Role("ghost")]));

        EscalationPlanner.Plan(snapshot, Deadline, Resolver).Should().BeEmpty();
    }

    [Fact]
    public void Plan_RotationHandsOffBetweenRepetitions_EachRoundResolvesAtItsDueTime()
    {
        var snapshot = Snapshot(Tier(0, [EscalationTarget.Rotation("responders")], repeat: 1, intervalMinutes: 24 * 60));

        var plan = EscalationPlanner.Plan(snapshot, Deadline, Resolver);

        plan.Select(s => s.RecipientIds.Single()).Should().Equal("r1", "r2");
    }

    [Fact]
    public void Plan_RotationEveryoneOnLeaveAtTheFirstRound_TierSkipped()
    {
        var onLeave = Daily
            .WithLeave(new OnCallLeave("r1", Deadline.AddHours(-1), Deadline.AddHours(1)))
            .WithLeave(new OnCallLeave("r2", Deadline.AddHours(-1), Deadline.AddHours(1)));
        var resolver = new RecipientResolver(Members, [onLeave]);
        var snapshot = Snapshot(
            Tier(0, [EscalationTarget.Rotation("responders")]),
            Tier(30, [EscalationTarget.Person("lead")]));

        var plan = EscalationPlanner.Plan(snapshot, Deadline, resolver);

        plan.Should().ContainSingle().Which.Should().BeEquivalentTo(new EscalationStep(2, 1, Deadline, ["lead"]));
    }

    [Fact]
    public void Plan_LaterRoundResolvesToNobody_OnlyThatRoundLeftOut()
    {
        var leave = Daily.WithLeave(new OnCallLeave("r1", Deadline.AddMinutes(4), Deadline.AddMinutes(6)))
            .WithLeave(new OnCallLeave("r2", Deadline.AddMinutes(4), Deadline.AddMinutes(6)));
        var resolver = new RecipientResolver(Members, [leave]);
        var snapshot = Snapshot(Tier(0, [EscalationTarget.Rotation("responders")], repeat: 2, intervalMinutes: 5));

        var plan = EscalationPlanner.Plan(snapshot, Deadline, resolver);

        plan.Select(s => s.Repetition).Should().Equal(1, 3);
    }

    [Fact]
    public void Plan_OverlappingTargets_RecipientsDeduplicatedInTargetOrder()
    {
        var snapshot = Snapshot(Tier(0,
        [
            EscalationTarget.Person("r2"),
            EscalationTarget.Role(TeamRoles.Responder),
            EscalationTarget.WholeTeam,
        ]));

        var step = EscalationPlanner.Plan(snapshot, Deadline, Resolver).Single();

        step.RecipientIds.Should().Equal("r2", "r1", "lead", "head-it", "head-fac");
    }

    [Fact]
    public void Due_SomeRoundsSent_ReturnsOnlyUnsentRoundsDueByNow()
    {
        var snapshot = Snapshot(
            Tier(0, [EscalationTarget.Person("r1")], repeat: 1, intervalMinutes: 5),
            Tier(10, [EscalationTarget.Person("lead")]));
        var plan = EscalationPlanner.Plan(snapshot, Deadline, Resolver);

        var due = EscalationPlanner.Due(plan, Deadline.AddMinutes(5), new HashSet<(int, int)> { (1, 1) });

        due.Select(s => (s.Tier, s.Repetition)).Should().Equal((1, 2));
    }
}
