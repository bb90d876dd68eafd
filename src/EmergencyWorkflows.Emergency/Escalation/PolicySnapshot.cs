using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyWorkflows.Emergency.Escalation;

/// <summary>
/// The escalation policy as it was when an incident started: a deep copy carrying the policy's id and version,
/// serializable so it is stored with the incident. Editing or re-versioning the policy later does not touch it.
/// </summary>
public sealed record PolicySnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    [JsonConstructor]
    public PolicySnapshot(string policyId, string policyName, int policyVersion, DateTimeOffset takenAt, IReadOnlyList<SnapshotTier> tiers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policyId);
        ArgumentNullException.ThrowIfNull(tiers);
        PolicyId = policyId;
        PolicyName = policyName;
        PolicyVersion = policyVersion;
        TakenAt = takenAt;
        Tiers = tiers.ToArray();
    }

    public string PolicyId { get; }

    public string PolicyName { get; }

    public int PolicyVersion { get; }

    public DateTimeOffset TakenAt { get; }

    public IReadOnlyList<SnapshotTier> Tiers { get; }

    /// <summary>Copies <paramref name="policy"/>; refuses a policy that does not validate, so a broken policy
    /// fails when the incident starts rather than when the first escalation is due.</summary>
    public static PolicySnapshot Take(EscalationPolicy policy, DateTimeOffset takenAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = policy.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Escalation policy '{policy.Id}' v{policy.Version} is invalid: {string.Join(" ", problems)}", nameof(policy));
        }

        // Targets are immutable records, so copying the lists is a deep copy.
        var tiers = policy.Tiers
            .Select(t => new SnapshotTier(t.Delay, t.Targets.ToArray(), t.RepeatCount, t.RepeatInterval))
            .ToArray();
        return new PolicySnapshot(policy.Id, policy.Name, policy.Version, takenAt, tiers);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PolicySnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<PolicySnapshot>(json, Json)
        ?? throw new JsonException("A policy snapshot cannot be the JSON literal null.");
}
