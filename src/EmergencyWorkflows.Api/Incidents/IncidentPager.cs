using System.Globalization;
using EmergencyWorkflows.Api.Notifications;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Sla;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Persistence.Outbox;
using Microsoft.Extensions.Options;
using TimelineOutbox = EmergencyWorkflows.Emergency.Activities.TimelineOutbox;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Pages the people on call the moment a report is accepted (tier 0, plan §3.1-3.2: the team must respond within five
/// minutes, so it must hear of the report at once, not at the SLA breach). Who: the first tier of the escalation policy
/// the incident will run under (<c>grade-&lt;n&gt;</c> for the suggested grade, else <c>default</c>), resolved now, so a
/// rotation gives its current on-call member (<see cref="FirstResponders"/>); when that is nobody, the team leads, and
/// the timeline says so. How: one <c>Emergency.Notify</c> outbox row per recipient and channel (Email, InApp, and every
/// IM / generic webhook the team configured), each with its signed acknowledge link, added to the report's own
/// transaction together with the timeline line and the paged people as participants: a crash after the answer still
/// pages, and the outbox message id (the dedup key, topic <see cref="Topic"/>) keeps a redelivery from paging twice.
/// </summary>
internal sealed class IncidentPager(
    IEmergencyDirectory directory,
    AckLinkSigner signer,
    AckLinkOptions links,
    SlaTargets targets,
    IOptions<DeliveryOptions> delivery)
{
    public const string Topic = "report";

    private static readonly NotificationChannel[] Always = [NotificationChannel.Email, NotificationChannel.InApp];

    /// <summary>Adds the page to <paramref name="db"/> (not saved: the caller's transaction commits it with the report).</summary>
    public IncidentPage AddPage(WorkflowsDbContext db, IncidentRecord incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(incident);
        var grade = incident.Grade ?? incident.SuggestedGrade;
        var policy = FirstResponders.PolicyFor(directory, grade);
        var first = FirstResponders.Resolve(directory, policy, now);
        var category = IncidentCategoryKeys.TryParse(incident.Category, out var parsed) ? parsed : (IncidentCategory?)null;
        var target = targets.ResponseTargetFor((IncidentGrade)grade, category);
        var what = incident.Category ?? "unknown category (triage)";
        var subject = string.Create(CultureInfo.InvariantCulture,
            $"[Emergency] New report {incident.Id}: {what}, suggested Level {grade}. Respond within {target.TotalMinutes:0.#} min");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"A {what} incident was just reported via {incident.Channel} (occurred {incident.OccurredAt:u}, suggested Level {grade}). " +
            $"The plan asks the emergency team to respond within {target.TotalMinutes:0.#} minutes (by {now + target:u}); the escalation starts then. " +
            $"Acknowledge with the link, then open incident {incident.Id} in the service for the report.");
        var expiresAt = now + links.Lifetime;
        var channels = Channels();
        var notifications = new List<Notification>();
        foreach (var recipientId in first.MemberIds)
        {
            if (directory.Roster.Find(recipientId) is not { } member)
            {
                continue;
            }

            var ack = signer.CreateLink(links.BaseUrl, incident.Id, recipientId, expiresAt);
            notifications.AddRange(channels.Where(c => NotificationComposer.Reaches(member, c))
                .Select(c => new Notification(incident.Id, 0, 1, recipientId, c, subject, text, ack, Topic)));
        }

        foreach (var notification in notifications)
        {
            db.Outbox.Add(new OutboxRecord
            {
                Id = NotificationOutbox.MessageId(notification),
                InstanceId = incident.Id,
                Kind = NotificationOutbox.Kind,
                PayloadJson = NotificationOutbox.ToPayload(notification, incident.Id).ToJsonString(),
                CreatedAt = now,
            });
        }

        var paged = notifications.Select(n => n.RecipientId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var who in paged)
        {
            db.IncidentParticipants.Add(new IncidentParticipantRecord { IncidentId = incident.Id, Who = who, Role = TimelineOutbox.Notified, Since = now });
        }

        var policyName = policy?.Id ?? "none (neither grade-" + grade.ToString(CultureInfo.InvariantCulture) + " nor default exists)";
        var entry = IncidentTimelineRecord.Of(incident.Id, now, "system", TimelineKind.Notification,
            TimelineMessages.PagedAtReport(first.OnCall, paged, notifications.Count, policyName),
            string.Create(CultureInfo.InvariantCulture, $"Policy {policyName}; channels {string.Join(", ", channels)}."));
        entry.SourceId = $"{Topic}/{incident.Id}";
        db.IncidentTimeline.Add(entry);
        return new IncidentPage(paged, first.OnCall, notifications.Count, policy?.Id);
    }

    /// <summary>Email and the in-app inbox always; an IM platform or the generic webhook when the team configured its URL.</summary>
    private List<NotificationChannel> Channels() =>
    [
        .. Always,
        .. delivery.Value.Webhooks.Where(w => !string.IsNullOrWhiteSpace(w.Value.Url) && !Always.Contains(w.Key)).Select(w => w.Key).Order(),
    ];
}

/// <param name="Paged">Member ids paged (on call, or the team leads standing in); empty when nobody could be.</param>
internal sealed record IncidentPage(IReadOnlyList<string> Paged, bool OnCall, int Notifications, string? PolicyId);
