using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// One acknowledgement or arrival as the API hands it to a waiting activity. <see cref="By"/> may be a person's name
/// (personal data: stored with the incident, never logged unmasked); <see cref="Via"/> says how it came in (api, link).
/// </summary>
public sealed record IncidentResponse(ResponseKind Kind, string? By, string? Note, string Via)
{
    public JsonObject ToJson() => new()
    {
        ["kind"] = Kind.ToString(),
        ["by"] = By,
        ["note"] = Note,
        ["via"] = Via,
    };

    /// <summary>Reads the response from run input; a malformed or absent one is an error of the caller, not a default.</summary>
    public static IncidentResponse FromJson(JsonNode? node)
    {
        if (node is not JsonObject o || !Enum.TryParse<ResponseKind>((string?)o["kind"], ignoreCase: true, out var kind))
        {
            throw new InvalidOperationException(
                $"The run input '{EmergencyBookmarks.ResponseInputKey}' must be an object with kind Acknowledge or Arrive.");
        }

        return new IncidentResponse(kind, (string?)o["by"], (string?)o["note"], (string?)o["via"] ?? "api");
    }
}
