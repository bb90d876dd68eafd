using System.Globalization;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// <c>Emergency.Escalate</c>: runs the incident's snapshotted escalation policy from the SLA deadline. Each round due
/// is sent at once as <c>Emergency.Notify</c> outbox messages (one per recipient and channel, with a signed one-click
/// acknowledge link, message id = dedup key); the next round waits on a timer bookmark. A tier that resolves to nobody
/// hands over to the next at the same instant. An acknowledgement or arrival stops it (port <c>Responded</c>); when
/// every round was sent it completes with <c>Exhausted</c>. Rounds already sent for the incident are never sent again.
/// </summary>
public sealed class Escalate(IEmergencyDirectory directory, AckLinkSigner signer, AckLinkOptions links, ILogger<Escalate>? logger = null)
    : Activity
{
    public const string Responded = "Responded";
    public const string Exhausted = "Exhausted";

    private static readonly string[] DefaultChannels = [nameof(NotificationChannel.Email), nameof(NotificationChannel.InApp)];
    private readonly ILogger logger = logger ?? NullLogger<Escalate>.Instance;

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Emergency.Escalate",
        Category = "Emergency",
        DisplayName = "Escalate",
        Description = "Notifies the escalation tiers of the policy snapshotted when the incident started: tier 1 at once, " +
            "later tiers after their delays, repeated per repeat count. Responded as soon as someone acknowledges or " +
            "arrives; Exhausted when every tier was notified.",
        Inputs =
        [
            new("channels", "String[]", new JsonArray([.. DefaultChannels.Select(c => JsonValue.Create(c))]), "Channels",
                "The channels to notify on (each recipient on those that reach them).", "checklist",
                Options: Enum.GetNames<NotificationChannel>()),
            new("subject", "String", null, "Subject", "Notification subject; empty means a standard one naming the incident and tier.",
                "singleline"),
        ],
        Outputs = [new("notified", "Int32")],
        Outcomes = [Responded, Exhausted],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IncidentRecord.HasResponded(context.Instance, null))
        {
            context.SetOutput("notified", 0);
            context.Complete([Responded]);
            return;
        }

        var snapshot = IncidentRecord.ReadPolicy(context.Instance);
        if (snapshot is null)
        {
            logger.LogWarning("Incident {InstanceId} has no escalation policy snapshot; nobody is escalated to", context.Instance.Id);
            context.SetOutput("notified", 0);
            context.Complete([Exhausted]);
            return;
        }

        var from = IncidentRecord.ReadSla(context.Instance)?.Deadline ?? context.Now;
        var plan = EscalationPlanner.Plan(snapshot, from, new RecipientResolver(directory.Roster, directory.Rotations));
        context.Properties["plan"] = new JsonArray([.. plan.Select(ToJson)]);
        context.Properties["channels"] = new JsonArray([.. Channels(context).Select(c => JsonValue.Create(c.ToString()))]);
        context.Properties["subject"] = context.EvaluateText("subject");
        context.Properties["notified"] = 0;
        if (plan.Count == 0)
        {
            logger.LogWarning("Escalation policy {PolicyId} of incident {InstanceId} resolves to nobody in any tier",
                snapshot.PolicyId, context.Instance.Id);
        }

        context.CreateBookmark(EmergencyBookmarks.Response, context.Instance.Id,
            new JsonObject { ["accepts"] = new JsonArray(nameof(ResponseKind.Acknowledge), nameof(ResponseKind.Arrive)) });
        SendDue(context);
    }

    public override void OnResume(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bookmark);
        if (bookmark.Name == EmergencyBookmarks.Response)
        {
            IncidentRecord.Record(context, IncidentResponse.FromJson(context.GetRunInput(EmergencyBookmarks.ResponseInputKey)));
            logger.LogInformation("Escalation of incident {InstanceId} stopped: the incident was responded to", context.Instance.Id);
            context.SetOutput("notified", context.Properties["notified"]?.DeepClone());
            context.Complete([Responded]);
            return;
        }

        SendDue(context);
    }

    /// <summary>Sends every planned round due now and not yet sent; then waits for the next one or completes Exhausted.</summary>
    private void SendDue(ActivityExecutionContext context)
    {
        var plan = ((JsonArray)context.Properties["plan"]!).Select(s => FromJson((JsonObject)s!)).ToList();
        var sent = IncidentRecord.SentRounds(context.Instance);
        var notified = (int)context.Properties["notified"]!;
        foreach (var step in EscalationPlanner.Due(plan, context.Now, sent))
        {
            notified += Send(context, step);
        }

        context.Properties["notified"] = notified;
        sent = IncidentRecord.SentRounds(context.Instance);
        var next = plan.Where(s => !sent.Contains((s.Tier, s.Repetition))).OrderBy(s => s.DueAt).FirstOrDefault();
        if (next is null)
        {
            context.SetOutput("notified", notified);
            context.Complete([Exhausted]);
            return;
        }

        context.CreateBookmark(EmergencyBookmarks.EscalationStep, null,
            new JsonObject { ["tier"] = next.Tier, ["repetition"] = next.Repetition, ["dueAt"] = next.DueAt }, next.DueAt);
    }

    private int Send(ActivityExecutionContext context, EscalationStep step)
    {
        var incidentId = context.Instance.Id;
        var channels = ((JsonArray)context.Properties["channels"]!).Select(c => Enum.Parse<NotificationChannel>((string)c!)).ToArray();
        var subject = (string?)context.Properties["subject"] is { Length: > 0 } s
            ? s
            : string.Create(CultureInfo.InvariantCulture,
                $"[Emergency] {context.Definition.Name ?? context.Instance.DefinitionId} {context.Instance.CorrelationId ?? incidentId}: no response yet (tier {step.Tier})");
        var deadline = IncidentRecord.ReadSla(context.Instance)?.Deadline;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"The response deadline {deadline:u} passed without an acknowledgement or arrival. Escalation tier {step.Tier}, round {step.Repetition}. Acknowledge with the link to stop the escalation.");
        var expiresAt = context.Now + links.Lifetime;
        var notifications = NotificationComposer.Compose(incidentId, step, directory.Roster, channels, subject, text,
            member => signer.CreateLink(links.BaseUrl, incidentId, member, expiresAt));
        foreach (var notification in notifications)
        {
            context.AddOutboxMessage(NotificationOutbox.Kind, NotificationOutbox.ToPayload(notification, incidentId),
                NotificationOutbox.MessageId(notification));
        }

        IncidentRecord.RecordRound(context, step, notifications.Count);

        // The round on the incident's timeline; whoever it notified becomes a participant (and so may see the incident).
        var reached = notifications.Select(n => n.RecipientId).Distinct(StringComparer.Ordinal).ToArray();
        TimelineOutbox.Add(context, string.Create(CultureInfo.InvariantCulture, $"{incidentId}/escalation/{step.Tier}/{step.Repetition}"), "system",
            TimelineKind.Notification,
            TimelineMessages.EscalationReached(step.Tier, step.Repetition, notifications.Count, reached),
            null, [.. reached.Select(r => (r, TimelineOutbox.Notified))]);
        logger.LogWarning("Incident {InstanceId} escalated: tier {Tier} round {Repetition} to {RecipientCount} recipient(s), {NotificationCount} notification(s)",
            incidentId, step.Tier, step.Repetition, step.RecipientIds.Count, notifications.Count);
        return notifications.Count;
    }

    private static IEnumerable<NotificationChannel> Channels(ActivityExecutionContext context)
    {
        var names = context.EvaluateStringList("channels");
        var channels = new List<NotificationChannel>();
        foreach (var name in names.Count == 0 ? DefaultChannels : names)
        {
            if (!Enum.TryParse<NotificationChannel>(name, ignoreCase: true, out var channel) || !Enum.IsDefined(channel))
            {
                throw new InvalidOperationException(
                    $"Emergency.Escalate: channel '{name}' is not one of {string.Join(", ", Enum.GetNames<NotificationChannel>())}.");
            }

            channels.Add(channel);
        }

        return channels.Distinct();
    }

    private static JsonObject ToJson(EscalationStep step) => new()
    {
        ["tier"] = step.Tier,
        ["repetition"] = step.Repetition,
        ["dueAt"] = step.DueAt,
        ["recipients"] = new JsonArray([.. step.RecipientIds.Select(id => JsonValue.Create(id))]),
    };

    private static EscalationStep FromJson(JsonObject step) => new(
        (int)step["tier"]!,
        (int)step["repetition"]!,
        step["dueAt"]!.GetValue<DateTimeOffset>(),
        step["recipients"]!.AsArray().Select(r => (string)r!).ToArray());
}
