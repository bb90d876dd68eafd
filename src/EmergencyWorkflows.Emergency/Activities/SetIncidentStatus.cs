using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// <c>Emergency.SetIncidentStatus</c>: moves the incident to a status (e.g. Handling when the task list opens, Resolved
/// when every task is done). The move is an outbox message committed with the instance (nothing is lost if the process
/// dies), applied by the host through the same lifecycle rules and timeline as a person's move: a status the incident
/// already has or has passed (a team lead moved it by hand) is left alone; an illegal move is recorded, not forced.
/// </summary>
public sealed class SetIncidentStatus : Activity
{
    /// <summary>Outbox message kind: payload incidentId, status, reason, activity.</summary>
    public const string Kind = "Emergency.IncidentStatus";

    public static readonly IReadOnlyList<string> Settable =
        [nameof(IncidentStatus.Responding), nameof(IncidentStatus.Handling), nameof(IncidentStatus.Resolved), nameof(IncidentStatus.Closed)];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Emergency.SetIncidentStatus",
        Category = "Emergency",
        DisplayName = "Set incident status",
        Description = "Moves the incident to a status through the incident lifecycle (the same rules and timeline as a team " +
            "lead's move). A status already reached is left alone.",
        Inputs =
        [
            new("status", "String", JsonValue.Create(nameof(IncidentStatus.Handling)), "Status",
                "The status to move to: Responding, Handling, Resolved or Closed.", "dropdown", Options: Settable),
            new("reason", "String", null, "Reason", "Shown on the incident's timeline with the move.", "singleline"),
        ],
        Outputs = [new("status", "String")],
        Outcomes = ["Done"],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.EvaluateText("status")?.Trim();
        var status = Settable.FirstOrDefault(s => string.Equals(s, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Emergency.SetIncidentStatus: status '{text}' is not one of {string.Join(", ", Settable)}.");
        var incidentId = IncidentRecord.IncidentIdOf(context.Instance);
        context.AddOutboxMessage(Kind, new JsonObject
        {
            ["incidentId"] = incidentId,
            ["status"] = status,
            ["reason"] = context.EvaluateText("reason"),
            ["activity"] = context.Node.Name ?? context.Node.Id,
        }, $"incident-status/{context.Instance.Id}/{status}");
        context.SetOutput("status", status);
        context.Complete();
    }
}
