using System.Text.Json.Serialization;

namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>Who a tier notifies. A closed set: <see cref="PersonTarget"/>, <see cref="RoleTarget"/>,
/// <see cref="RotationTarget"/>, <see cref="WholeTeamTarget"/>; the "kind" discriminator keeps snapshots readable.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PersonTarget), "person")]
[JsonDerivedType(typeof(RoleTarget), "role")]
[JsonDerivedType(typeof(RotationTarget), "rotation")]
[JsonDerivedType(typeof(WholeTeamTarget), "whole-team")]
public abstract record EscalationTarget
{
    public static EscalationTarget Person(string memberId) => new PersonTarget(memberId);

    public static EscalationTarget Role(string role) => new RoleTarget(role);

    public static EscalationTarget Rotation(string rotationId) => new RotationTarget(rotationId);

    public static EscalationTarget WholeTeam { get; } = new WholeTeamTarget();
}
