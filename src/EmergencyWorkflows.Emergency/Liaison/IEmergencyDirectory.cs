using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Liaison;

/// <summary>
/// The emergency team's liaison mechanism as it stands now (plan §2): who is on the team, the on-call rotations and
/// the escalation policies. Synchronous on purpose: workflow activities read it inside an execution burst.
/// Implementations keep an in-memory copy and refresh it from their source (configuration, the database) when it
/// changes; callers must not cache what they read.
/// </summary>
public interface IEmergencyDirectory
{
    Roster Roster { get; }

    IReadOnlyList<Rotation> Rotations { get; }

    IReadOnlyList<EscalationPolicy> Policies { get; }

    EscalationPolicy? FindPolicy(string policyId);
}
