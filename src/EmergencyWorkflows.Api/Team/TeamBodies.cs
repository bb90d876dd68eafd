using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyWorkflows.Api.Team;

// The shapes HR edits through the API and writes in appsettings.json (Emergency:Team, Emergency:Rotations,
// Emergency:Policies): one shape for both, so the seed and an API edit are validated by the same rules.

/// <summary>A team member. Roles: team-lead, department-head, responder, admin. ImAccounts: platform (WeCom, DingTalk,
/// Feishu, Slack) → account id on it.</summary>
internal sealed class MemberBody
{
    public string? Id { get; set; }
    public string? DisplayName { get; set; }
    public string? Department { get; set; }
    public List<string>? Roles { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public Dictionary<string, string>? ImAccounts { get; set; }
}

/// <summary>Why a member is deactivated (left the company, long leave); optional, kept with who and when.</summary>
internal sealed class DeactivateBody
{
    public string? Reason { get; set; }
}

/// <summary>An on-call rotation: members take turns of <see cref="Period"/> from <see cref="HandoffAnchor"/>.</summary>
internal sealed class RotationBody
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string>? MemberIds { get; set; }
    public DateTimeOffset? HandoffAnchor { get; set; }
    public TimeSpan? Period { get; set; }
}

/// <summary>A swap (override: <see cref="MemberId"/> is on call instead) or a leave (<see cref="MemberId"/> is away) in [From, Until).</summary>
internal sealed class PeriodBody
{
    public string? MemberId { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? Until { get; set; }
}

/// <summary>An escalation policy: ordered tiers.</summary>
internal sealed class PolicyBody
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<TierBody>? Tiers { get; set; }
}

/// <summary>Delay runs from the previous tier's last round (tier 1: from the SLA deadline); the tier is sent
/// 1 + RepeatCount times, RepeatInterval apart.</summary>
internal sealed class TierBody
{
    public TimeSpan? Delay { get; set; }
    public List<TargetBody>? Targets { get; set; }
    public int? RepeatCount { get; set; }
    public TimeSpan? RepeatInterval { get; set; }
}

/// <summary>Kind: person (Id = member id), role (Id = role), rotation (Id = rotation id) or whole-team (no Id). Written
/// either as an object <c>{ "kind": "role", "id": "responder" }</c> or as the text <c>"role:responder"</c>.</summary>
[JsonConverter(typeof(TargetBodyConverter))]
internal sealed class TargetBody
{
    public string? Kind { get; set; }
    public string? Id { get; set; }

    /// <summary><c>kind:id</c>, or a kind alone (<c>whole-team</c>).</summary>
    public static TargetBody Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new TargetBody { Kind = text.Trim() }
            : new TargetBody { Kind = text[..colon].Trim(), Id = text[(colon + 1)..].Trim() };
    }
}

internal sealed class TargetBodyConverter : JsonConverter<TargetBody>
{
    public override TargetBody? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return TargetBody.Parse(reader.GetString() ?? string.Empty);
            case JsonTokenType.StartObject:
                var target = new TargetBody();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString();
                    reader.Read();
                    var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }

                    if (string.Equals(name, "kind", StringComparison.OrdinalIgnoreCase))
                    {
                        target.Kind = value;
                    }
                    else if (string.Equals(name, "id", StringComparison.OrdinalIgnoreCase))
                    {
                        target.Id = value;
                    }
                }

                return target;
            default:
                throw new JsonException("An escalation target is a text like \"role:responder\" or an object { \"kind\": ..., \"id\": ... }.");
        }
    }

    public override void Write(Utf8JsonWriter writer, TargetBody value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("kind", value.Kind);
        writer.WriteString("id", value.Id);
        writer.WriteEndObject();
    }
}
