using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// How a workflow step puts a line on its incident's timeline: an outbox message of kind <see cref="Kind"/>, committed
/// with the burst that made the change, whose message id is the entry's identity. The host writes it once (the id is
/// stored with the entry under a unique index), together with the people the step made participants (assigned,
/// notified), so a redelivered message adds nothing and a crash between commit and write loses nothing.
/// </summary>
public static class TimelineOutbox
{
    public const string Kind = "Emergency.Timeline";

    /// <summary>A participant role: a task assigned to the person.</summary>
    public const string Assigned = "Assigned";

    /// <summary>A participant role: notified as an escalation recipient.</summary>
    public const string Notified = "Notified";

    /// <summary>A participant role: worked on a task (claimed, completed).</summary>
    public const string Worked = "Task";

    /// <param name="entryId">Unique across the whole outbox (e.g. <c>{taskId}/3</c>); the kind is prefixed.</param>
    public static void Add(ActivityExecutionContext context, string entryId, string actor, TimelineKind kind, TimelineMessage message, string? detail,
        params (string Who, string Role)[] participants)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryId);
        ArgumentNullException.ThrowIfNull(message);
        context.AddOutboxMessage(Kind, new JsonObject
        {
            ["at"] = context.Now,
            ["actor"] = actor,
            ["kind"] = kind.ToString(),
            ["summary"] = message.English,
            ["messageKey"] = message.Key,
            ["args"] = new JsonObject([.. message.Args.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]),
            ["detail"] = detail,
            ["participants"] = new JsonArray([.. participants
                .Where(p => !string.IsNullOrWhiteSpace(p.Who))
                .Select(p => (JsonNode)new JsonObject { ["who"] = p.Who, ["role"] = p.Role })]),
        }, $"{Kind}/{entryId}");
    }
}
