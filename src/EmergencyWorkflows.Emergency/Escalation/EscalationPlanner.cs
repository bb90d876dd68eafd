using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>
/// Plans an incident's escalation from its policy snapshot. Tier 1 is due at the SLA deadline plus its delay;
/// each later tier at the previous tier's last repetition plus its own delay. Repetitions follow each other at the
/// tier's repeat interval. Recipients are resolved at each step's due time (rotations hand off). A tier whose first
/// round resolves to nobody is skipped and the next tier becomes due at once, at the same instant; a later round
/// that resolves to nobody is left out.
/// </summary>
public static class EscalationPlanner
{
    public static IReadOnlyList<EscalationStep> Plan(
        PolicySnapshot snapshot, DateTimeOffset slaDeadline, Roster roster, IEnumerable<Rotation> rotations) =>
        Plan(snapshot, slaDeadline, new RecipientResolver(roster, rotations));

    public static IReadOnlyList<EscalationStep> Plan(PolicySnapshot snapshot, DateTimeOffset slaDeadline, RecipientResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(resolver);

        var steps = new List<EscalationStep>();
        var previousEnd = slaDeadline;
        DateTimeOffset? dueNow = null;
        for (var i = 0; i < snapshot.Tiers.Count; i++)
        {
            var tier = snapshot.Tiers[i];
            var firstDue = dueNow ?? previousEnd + tier.Delay;
            var first = resolver.Resolve(tier.Targets, firstDue);
            if (first.Count == 0)
            {
                dueNow = firstDue;
                continue;
            }

            dueNow = null;
            steps.Add(new EscalationStep(i + 1, 1, firstDue, first));
            var lastDue = firstDue;
            for (var repetition = 2; repetition <= tier.RepeatCount + 1; repetition++)
            {
                lastDue = firstDue + (tier.RepeatInterval * (repetition - 1));
                var recipients = resolver.Resolve(tier.Targets, lastDue);
                if (recipients.Count > 0)
                {
                    steps.Add(new EscalationStep(i + 1, repetition, lastDue, recipients));
                }
            }

            previousEnd = lastDue;
        }

        return steps;
    }

    /// <summary>The steps still to send at <paramref name="now"/>, given the (tier, repetition) rounds already sent.</summary>
    public static IReadOnlyList<EscalationStep> Due(
        IEnumerable<EscalationStep> plan, DateTimeOffset now, IReadOnlySet<(int Tier, int Repetition)> alreadySent)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(alreadySent);
        return plan.Where(s => s.DueAt <= now && !alreadySent.Contains((s.Tier, s.Repetition))).ToArray();
    }
}
