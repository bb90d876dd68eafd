using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// <c>Emergency.AwaitResponse</c>: waits for the emergency team's response to the incident: an acknowledgement
/// ("remote response started", port <c>Acknowledged</c>), an on-site arrival (port <c>Arrived</c>), or either. A
/// response already recorded (e.g. the arrival that met the SLA) completes it at once. Every response is recorded
/// on the incident (time to acknowledge / to arrive).
/// </summary>
public sealed class AwaitResponse : Activity
{
    public const string Acknowledged = "Acknowledged";
    public const string Arrived = "Arrived";
    public const string Any = "Any";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Emergency.AwaitResponse",
        Category = "Emergency",
        DisplayName = "Await response",
        Description = "Waits until the emergency team acknowledges the incident (remote response started) or arrives on site.",
        Inputs =
        [
            new("response", "String", JsonValue.Create(Any), "Response",
                "Which response to wait for: Acknowledge, Arrive, or Any (the first of either).", "dropdown",
                Options: [Any, nameof(ResponseKind.Acknowledge), nameof(ResponseKind.Arrive)]),
        ],
        Outputs = [new("response", "Object")],
        Outcomes = [Acknowledged, Arrived],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var awaited = Awaited(context);
        var recorded = awaited ?? IncidentRecord.FirstResponse(context.Instance);
        if (recorded is { } kind && IncidentRecord.HasResponded(context.Instance, kind))
        {
            context.SetOutput("response", LastOf(context, kind));
            context.Complete([Port(kind)]);
            return;
        }

        var accepts = awaited is { } only
            ? new JsonArray(only.ToString())
            : new JsonArray(nameof(ResponseKind.Acknowledge), nameof(ResponseKind.Arrive));
        context.CreateBookmark(EmergencyBookmarks.Response, context.Instance.Id, new JsonObject { ["accepts"] = accepts });
    }

    public override void OnResume(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = IncidentResponse.FromJson(context.GetRunInput(EmergencyBookmarks.ResponseInputKey));
        IncidentRecord.Record(context, response);
        if (Awaited(context) is { } only && only != response.Kind)
        {
            // Recorded, but not what this step waits for: keep waiting.
            context.CreateBookmark(EmergencyBookmarks.Response, context.Instance.Id,
                new JsonObject { ["accepts"] = new JsonArray(only.ToString()) });
            return;
        }

        context.SetOutput("response", LastOf(context, response.Kind));
        context.Complete([Port(response.Kind)]);
    }

    private static ResponseKind? Awaited(ActivityExecutionContext context)
    {
        var text = context.EvaluateText("response");
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text, Any, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Enum.TryParse<ResponseKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException($"Emergency.AwaitResponse: response '{text}' is not Any, Acknowledge or Arrive.");
    }

    private static string Port(ResponseKind kind) => kind == ResponseKind.Acknowledge ? Acknowledged : Arrived;

    private static JsonNode? LastOf(ActivityExecutionContext context, ResponseKind kind) =>
        IncidentRecord.ReadResponses(context.Instance).OfType<JsonObject>()
            .LastOrDefault(r => string.Equals((string?)r["kind"], kind.ToString(), StringComparison.OrdinalIgnoreCase))?.DeepClone();
}
