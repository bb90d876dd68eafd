using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Team;
using static EmergencyWorkflows.Emergency.Tests.Escalation.EscalationFixtures;

namespace EmergencyWorkflows.Emergency.Tests.Escalation;

public class PolicySnapshotTests
{
    private static readonly DateTimeOffset TakenAt = new(2026, 4, 6, 9, 0, 0, TimeSpan.Zero);

    private static EscalationPolicy PolicyV3(List<EscalationTarget> tier1Targets) => new("default", "Default escalation", 3,
    [
        new EscalationTier(TimeSpan.Zero, tier1Targets, 2, TimeSpan.FromMinutes(5)),
        new EscalationTier(TimeSpan.FromMinutes(10), [EscalationTarget.Role(TeamRoles.TeamLead), EscalationTarget.WholeTeam]),
    ]);

    [Fact]
    public void Take_SourceListMutatedAfterwards_SnapshotUnchanged()
    {
        var targets = new List<EscalationTarget> { EscalationTarget.Person("r1") };
        var policy = PolicyV3(targets);
        var snapshot = PolicySnapshot.Take(policy, TakenAt);

        targets.Add(EscalationTarget.Person("r2"));

        snapshot.Tiers[0].Targets.Should().Equal(EscalationTarget.Person("r1"));
        snapshot.PolicyVersion.Should().Be(3);
        snapshot.TakenAt.Should().Be(TakenAt);
    }

    [Fact]
    public void Take_PolicyEditedToNewVersion_PlanFromSnapshotUnchanged()
    {
        var original = PolicyV3([EscalationTarget.Person("r1")]);
        var snapshot = PolicySnapshot.Take(original, TakenAt);
        var resolver = new RecipientResolver(Members, [Daily]);
        var before = EscalationPlanner.Plan(snapshot, Deadline, resolver);

        var v4 = new EscalationPolicy(original.Id, original.Name, 4, [new EscalationTier(TimeSpan.Zero, [EscalationTarget.Person("lead")])]);
        var after = EscalationPlanner.Plan(snapshot, Deadline, resolver);

        v4.Version.Should().Be(4);
        after.Should().BeEquivalentTo(before);
        after[0].RecipientIds.Should().Equal("r1");
    }

    [Fact]
    public void ToJson_RoundTrip_EquivalentSnapshot()
    {
        var snapshot = PolicySnapshot.Take(PolicyV3([EscalationTarget.Person("r1"), EscalationTarget.Rotation("responders")]), TakenAt);

        var copy = PolicySnapshot.FromJson(snapshot.ToJson());

        copy.Should().BeEquivalentTo(snapshot, o => o.RespectingRuntimeTypes());
        copy.Tiers[0].Targets[1].Should().Be(EscalationTarget.Rotation("responders"));
        copy.Tiers[1].Targets[1].Should().BeOfType<WholeTeamTarget>();
    }

    [Fact]
    public void ToJson_Targets_CarryAReadableKindDiscriminator()
    {
        var snapshot = PolicySnapshot.Take(PolicyV3([EscalationTarget.Person("r1")]), TakenAt);

        var json = JsonNode.Parse(snapshot.ToJson())!;

        json["policyId"]!.GetValue<string>().Should().Be("default");
        json["policyVersion"]!.GetValue<int>().Should().Be(3);
        JsonNode.DeepEquals(json["tiers"]![0]!["targets"], JsonNode.Parse("""[{"kind":"person","memberId":"r1"}]""")).Should().BeTrue();
        JsonNode.DeepEquals(json["tiers"]![1]!["targets"], JsonNode.Parse("""[{"kind":"role","name":"team-lead"},{"kind":"whole-team"}]""")).Should().BeTrue();
    }

    [Fact]
    public void Take_InvalidPolicy_ThrowsListingEveryProblem()
    {
        var policy = new EscalationPolicy("bad", "Bad", 0,
        [
            new EscalationTier(TimeSpan.FromMinutes(-1), []),
            new EscalationTier(TimeSpan.Zero, [EscalationTarget.Person(" ")], repeatCount: 2),
        ]);

        var act = () => PolicySnapshot.Take(policy, TakenAt);

        act.Should().Throw<ArgumentException>()
            .WithMessage("*version 0*")
            .WithMessage("*Tier 1 has a negative delay*")
            .WithMessage("*Tier 1 has no targets*")
            .WithMessage("*Tier 2 repeats 2 time(s) but its repeat interval is not positive*")
            .WithMessage("*Tier 2 has a PersonTarget without an id*");
    }

    [Fact]
    public void Validate_NoTiers_ReportsIt()
    {
        new EscalationPolicy("empty", "Empty", 1, []).Validate().Should().ContainSingle().Which.Should().Contain("no tiers");
    }
}
