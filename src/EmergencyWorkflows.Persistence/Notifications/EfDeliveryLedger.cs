using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Persistence.Notifications;

/// <summary>
/// The durable <see cref="IDeliveryLedger"/>: one row per dedup key plus an attempt log. A claim (or a completion) is a
/// read then an update guarded by the row's Attempts and Status (concurrency tokens), so of two concurrent claims on
/// one node or on several, exactly one lands; on SQLite the write gate also queues them in process.
/// </summary>
public sealed class EfDeliveryLedger : IDeliveryLedger
{
    private readonly IDbContextFactory<WorkflowsDbContext> contexts;
    private readonly WriteGate writeGate;
    private readonly TimeProvider time;

    internal EfDeliveryLedger(IDbContextFactory<WorkflowsDbContext> contexts, WriteGate writeGate, TimeProvider time)
    {
        this.contexts = contexts;
        this.writeGate = writeGate;
        this.time = time;
    }

    /// <summary>Records what to send (once per dedup key); false when it was already registered.</summary>
    public async Task<bool> RegisterAsync(Notification notification, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<NotificationDeliveryRecord>().AnyAsync(d => d.DedupKey == notification.DedupKey, cancellationToken))
        {
            return false;
        }

        db.Add(NewRow(notification, instanceId, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DuplicateKey.IsLostRace(ex))
        {
            // Another node registered the same notification between the check and the insert.
            return false;
        }
    }

    public async Task<DeliveryRecord?> TryBeginAsync(string dedupKey, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupKey);
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<NotificationDeliveryRecord>().SingleOrDefaultAsync(d => d.DedupKey == dedupKey, cancellationToken);
        if (row is null)
        {
            // Claimed without being registered (a direct dispatch): the key alone says who and where.
            row = NewRow(ParseKey(dedupKey), string.Empty, now);
            db.Add(row);
        }

        var current = ToDomain(row);
        var next = current is null ? DeliveryRecord.First(dedupKey, now, lease) : current.TryBegin(now, lease);
        if (next is null)
        {
            return null;
        }

        Apply(row, next);
        db.Add(new DeliveryAttemptRecord { DedupKey = dedupKey, Attempt = next.Attempts, StartedAt = now, Outcome = nameof(DeliveryStatus.InFlight) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return next;
        }
        catch (DbUpdateException ex) when (DuplicateKey.IsLostRace(ex))
        {
            // Concurrency token mismatch (or a concurrent first insert): someone else holds this attempt.
            return null;
        }
    }

    public async Task<bool> CompleteAsync(DeliveryRecord completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completed);
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<NotificationDeliveryRecord>().SingleOrDefaultAsync(d => d.DedupKey == completed.DedupKey, cancellationToken);
        if (row is null || row.Attempts != completed.Attempts || row.Status != nameof(DeliveryStatus.InFlight))
        {
            return false;
        }

        var redacted = completed with { LastError = ErrorText.Redact(completed.LastError) };
        Apply(row, redacted);
        await RecordOnTimelineAsync(db, row, cancellationToken);
        var attempt = await db.Set<DeliveryAttemptRecord>()
            .SingleOrDefaultAsync(a => a.DedupKey == completed.DedupKey && a.Attempt == completed.Attempts, cancellationToken);
        if (attempt is not null)
        {
            attempt.FinishedAt = completed.UpdatedAt;
            attempt.Outcome = completed.Status.ToString();
            attempt.StatusCode = completed.LastStatusCode;
            attempt.Error = redacted.LastError;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>A notification that was delivered, or failed for good, lands on its incident's timeline in the same
    /// transaction as its final state; keyed by the dedup key, so it is written once. The recipient is named by id (a
    /// member id or user name), never by address or number.</summary>
    private static async Task RecordOnTimelineAsync(WorkflowsDbContext db, NotificationDeliveryRecord row, CancellationToken cancellationToken)
    {
        var delivered = row.Status == nameof(DeliveryStatus.Delivered);

        // A re-categorised incident's workflow sends as {id}-{category}: its lines belong to the incident all the same.
        var incidentId = IncidentInstanceIds.IncidentOf(row.IncidentId);
        if (!(delivered || row.Status == nameof(DeliveryStatus.Failed))
            || !await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            return;
        }

        var source = $"delivery/{row.DedupKey}";
        if (await db.IncidentTimeline.AnyAsync(t => t.SourceId == source, cancellationToken))
        {
            return;
        }

        var entry = IncidentTimelineRecord.Of(incidentId, row.UpdatedAt, "system", TimelineKind.Notification,
            delivered
                ? TimelineMessages.NotificationSent(row.Topic, row.RecipientId, row.Channel, row.Subject)
                : TimelineMessages.NotificationFailed(row.Topic, row.RecipientId, row.Channel, row.Attempts),
            delivered ? null : row.LastError);
        entry.SourceId = source;
        db.IncidentTimeline.Add(entry);
    }

    public async Task<DeliveryRecord?> FindAsync(string dedupKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<NotificationDeliveryRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.DedupKey == dedupKey, cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    /// <summary>Notifications whose next attempt is due at <paramref name="now"/>: scheduled retries, and attempts whose
    /// lease ran out (their process died mid-send).</summary>
    public async Task<IReadOnlyList<PendingDelivery>> ListDueAsync(DateTimeOffset now, int take, CancellationToken cancellationToken)
    {
        const string retry = nameof(DeliveryStatus.RetryScheduled);
        const string inFlight = nameof(DeliveryStatus.InFlight);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<NotificationDeliveryRecord>().AsNoTracking()
            .Where(d => (d.Status == retry && d.NextAttemptAt <= now) || (d.Status == inFlight && d.LeaseUntil <= now))
            .OrderBy(d => d.NextAttemptAt)
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.InstanceId.Length > 0 || r.Subject.Length > 0)
            .Select(r => new PendingDelivery(ToNotification(r), r.InstanceId))
            .ToList();
    }

    /// <summary>Every notification of an incident with its attempts, oldest first: by incident id or workflow instance id,
    /// and for an incident id also what its re-categorised instance (<c>{id}-{category}</c>) sent.</summary>
    public async Task<IReadOnlyList<NotificationDeliveryRecord>> ForIncidentAsync(string incidentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        var ids = IncidentInstanceIds.All(incidentId).ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<NotificationDeliveryRecord>().AsNoTracking()
            .Include(d => d.AttemptLog)
            .Where(d => ids.Contains(d.IncidentId) || ids.Contains(d.InstanceId))
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.AttemptLog = row.AttemptLog.OrderBy(a => a.Attempt).ToList();
        }

        return rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Topic, StringComparer.Ordinal).ThenBy(r => r.Tier).ThenBy(r => r.Repetition).ThenBy(r => r.DedupKey, StringComparer.Ordinal).ToList();
    }

    public static Notification ToNotification(NotificationDeliveryRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Notification(row.IncidentId, row.Tier, row.Repetition, row.RecipientId, Enum.Parse<NotificationChannel>(row.Channel),
            row.Subject, row.Text, new Uri(row.AckUrl), row.Topic);
    }

    private static NotificationDeliveryRecord NewRow(Notification n, string instanceId, DateTimeOffset now) => new()
    {
        DedupKey = n.DedupKey,
        IncidentId = n.IncidentId,
        InstanceId = instanceId,
        Topic = n.Topic,
        Tier = n.Tier,
        Repetition = n.Repetition,
        RecipientId = n.RecipientId,
        Channel = n.Channel.ToString(),
        Subject = n.Subject,
        Text = n.Text,
        AckUrl = n.AckUrl.AbsoluteUri,
        CreatedAt = now,
        Status = NotificationDeliveryRecord.Queued,
        UpdatedAt = now,
    };

    private static Notification ParseKey(string dedupKey)
    {
        // Five parts: an escalation key (as before topics); six: incident/topic/tier/repetition/recipient/channel.
        var parts = dedupKey.Split('/');
        var topic = parts.Length == 6 ? Uri.UnescapeDataString(parts[1]) : NotificationTopics.Escalation;
        var rest = parts.Length == 6 ? parts[2..] : parts[1..];
        if (parts.Length is not (5 or 6)
            || !int.TryParse(rest[0], System.Globalization.CultureInfo.InvariantCulture, out var tier)
            || !int.TryParse(rest[1], System.Globalization.CultureInfo.InvariantCulture, out var repetition)
            || !Enum.TryParse<NotificationChannel>(rest[3], out var channel))
        {
            throw new ArgumentException(
                $"'{dedupKey}' is not a notification dedup key (incident[/topic]/tier/repetition/recipient/channel).", nameof(dedupKey));
        }

        return new Notification(Uri.UnescapeDataString(parts[0]), tier, repetition, Uri.UnescapeDataString(rest[2]), channel,
            string.Empty, string.Empty, new Uri("about:blank"), topic);
    }

    private static DeliveryRecord? ToDomain(NotificationDeliveryRecord row) =>
        row.Status == NotificationDeliveryRecord.Queued
            ? null
            : new DeliveryRecord(row.DedupKey, row.Attempts, Enum.Parse<DeliveryStatus>(row.Status), row.UpdatedAt, row.LeaseUntil,
                row.NextAttemptAt, row.LastStatusCode, row.LastError);

    private static void Apply(NotificationDeliveryRecord row, DeliveryRecord record)
    {
        row.Attempts = record.Attempts;
        row.Status = record.Status.ToString();
        row.UpdatedAt = record.UpdatedAt;
        row.LeaseUntil = record.LeaseUntil;
        row.NextAttemptAt = record.NextAttemptAt;
        row.LastStatusCode = record.LastStatusCode;
        row.LastError = record.LastError;
    }
}
