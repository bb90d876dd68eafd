using System.Globalization;
using System.Security.Claims;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Runtime.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Release;

/// <summary>
/// Information release (plan §3.4): team leads, department heads and admins publish announcements and progress updates
/// through the official channels; every employee reads the feed. The affected employees (the reporter and the people
/// involved who are known users or team members) always get it in their in-app inbox, and by email when the Email channel
/// is chosen; recipients named in the request get the Email / instant-message channels chosen. Deliveries go through
/// the Emergency.Notify outbox and the delivery ledger, committed with the announcement.
/// </summary>
internal static class AnnouncementEndpoints
{
    private const int MaxMessageLength = 4000;
    private const int MaxRecipients = 200;
    private const int MaxTemplateLength = 8000;
    private const int FeedLimit = 100;

    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/announcements", FeedAsync).WithTags("Announcements").RequireAuthorization(AuthPolicies.Reporter);
        var incidents = app.MapGroup("/api/incidents/{id}/announcements").WithTags("Announcements").RequireAuthorization(AuthPolicies.Reporter);
        incidents.MapGet("/", ForIncidentAsync);
        incidents.MapPost("/", PublishAsync).RequireAuthorization(AuthPolicies.Responder);
        return app;
    }

    internal static async Task<Ok<List<AnnouncementView>>> FeedAsync(
        IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        // Announcements are official notices to all staff: every signed-in employee reads every one (plan §3.4).
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Announcements.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Sequence).Take(FeedLimit).Select(AnnouncementView.From).ToList());
    }

    private static async Task<Results<Ok<List<AnnouncementView>>, ProblemHttpResult>> ForIncidentAsync(
        string id, IDbContextFactory<WorkflowsDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound(IncidentAccess.NotFound(id));
        }

        var rows = await db.Announcements.AsNoTracking().Where(a => a.IncidentId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.OrderByDescending(a => a.Sequence).Select(AnnouncementView.From).ToList());
    }

    internal static async Task<Results<Created<AnnouncementView>, ProblemHttpResult>> PublishAsync(
        string id, AnnouncementBody? body, ClaimsPrincipal user, IncidentWriter writer, AnnouncementTemplates templates,
        AffectedEmployees affected, AckLinkOptions links, TimeProvider time, ILoggerFactory loggers, IncidentSignals signals, CancellationToken cancellationToken)
    {
        if (!IncidentAccess.MayAssess(user))
        {
            return Problems.Coded(StatusCodes.Status403Forbidden, "Only a team lead, a department head or an admin publishes announcements.", "Announce.Forbidden");
        }

        if (string.IsNullOrWhiteSpace(body?.Message) || body.Message.Length > MaxMessageLength)
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, $"'message' is required and at most {MaxMessageLength} characters.", "Announce.Message",
                MaxMessageLength.ToString(CultureInfo.InvariantCulture));
        }

        var channels = new List<AnnouncementChannel>();
        foreach (var name in body.Channels ?? [])
        {
            if (!Enum.TryParse<AnnouncementChannel>(name, ignoreCase: true, out var channel) || !Enum.IsDefined(channel))
            {
                return Problems.Coded(StatusCodes.Status400BadRequest, $"Unknown channel '{name}'; use " + string.Join(", ", Enum.GetNames<AnnouncementChannel>()) + ".", "Announce.Channel");
            }

            channels.Add(channel);
        }

        if (channels.Count == 0)
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, "'channels' needs at least one of: " + string.Join(", ", Enum.GetNames<AnnouncementChannel>()) + ".", "Announce.Channel");
        }

        var language = string.IsNullOrWhiteSpace(body.Language) ? "zh" : body.Language.Trim().ToLowerInvariant();
        if (!AnnouncementTemplates.Languages.Contains(language))
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, "'language' must be zh or en.", "Announce.Language");
        }

        var kind = string.IsNullOrWhiteSpace(body.Kind) ? "Announcement" : body.Kind.Trim();
        if (kind is not ("Announcement" or "ProgressUpdate"))
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, "'kind' must be Announcement or ProgressUpdate.", "Announce.Kind");
        }

        var recipients = (body.Recipients ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (recipients.Count > MaxRecipients || recipients.Any(r => r.Length > 200))
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, $"'recipients' holds at most {MaxRecipients} member ids of at most 200 characters.", "Announce.Recipients",
                MaxRecipients.ToString(CultureInfo.InvariantCulture));
        }

        if (body.TitleTemplate is { Length: > MaxTemplateLength } || body.BodyTemplate is { Length: > MaxTemplateLength })
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, $"'titleTemplate' and 'bodyTemplate' are at most {MaxTemplateLength} characters.", "Announce.Template");
        }

        LiquidTemplate? titleOverride = null;
        LiquidTemplate? bodyOverride = null;
        if (body.TitleTemplate is { } titleText && AnnouncementTemplates.WhyInvalid(titleText, out titleOverride) is { } titleError)
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, $"'titleTemplate' is not a valid Liquid template: {titleError}", "Announce.Template");
        }

        if (body.BodyTemplate is { } bodyText && AnnouncementTemplates.WhyInvalid(bodyText, out bodyOverride) is { } bodyError)
        {
            return Problems.Coded(StatusCodes.Status400BadRequest, $"'bodyTemplate' is not a valid Liquid template: {bodyError}", "Announce.Template");
        }

        var actor = user.UserNameOf() ?? "unknown";
        var channelList = string.Join(",", channels.Distinct());
        var published = await writer.WriteAsync(async (db, ct) =>
        {
            var incident = await IncidentAccess.Visible(db, user).SingleOrDefaultAsync(i => i.Id == id, ct);
            if (incident is null)
            {
                return null;
            }

            var template = templates.For(incident.Category, language);
            var rendered = AnnouncementTemplates.Render(titleOverride ?? template.Title, bodyOverride ?? template.Body, incident, body.Message.Trim());
            var sequence = 1 + (await db.Announcements.Where(a => a.IncidentId == id).MaxAsync(a => (long?)a.Sequence, ct) ?? 0);
            var now = time.GetUtcNow();
            var record = new AnnouncementRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                IncidentId = id,
                Sequence = sequence,
                Kind = kind,
                Channels = channelList,
                Language = language,
                Title = Truncate(rendered.Title, 400),
                Body = rendered.Body,
                BodyHtml = rendered.BodyHtml,
                PublishedBy = actor,
                PublishedAt = now,
            };
            db.Announcements.Add(record);

            // Email and instant-message deliveries commit with the announcement (outbox): none is lost, none is sent twice.
            var link = new Uri(links.BaseUrl, $"/api/incidents/{Uri.EscapeDataString(id)}");
            var affectedIds = affected.Of(incident);
            var deliveries = Targets(channels).SelectMany(target => recipients.Select(r => (Recipient: r, Channel: target)))
                .Concat(affectedIds.Select(r => (Recipient: r, Channel: NotificationChannel.InApp)))
                .Concat(channels.Contains(AnnouncementChannel.Email) ? affectedIds.Select(r => (Recipient: r, Channel: NotificationChannel.Email)) : [])
                .Distinct()
                .ToList();
            foreach (var (recipient, target) in deliveries)
            {
                db.Outbox.Add(ReleaseNotifications.ToOutbox(
                    new Notification(id, 0, 0, recipient, target, record.Title, record.Body, link, NotificationTopics.Announcement(record.Id)), now));
            }

            var reached = deliveries.Select(d => d.Recipient).Distinct(StringComparer.Ordinal).Count();
            IncidentLedger.AddEntry(db, id, now, actor, TimelineKind.Announcement,
                TimelineMessages.AnnouncementPublished(kind == "ProgressUpdate", sequence, channelList, record.Title),
                reached == 0 ? null : $"Sent to {reached} affected employee(s) ({affectedIds.Count} from the report, {recipients.Count} named).");
            IncidentLedger.Touch(incident, now);
            await db.SaveChangesAsync(ct);
            return record;
        }, cancellationToken);

        if (published is null)
        {
            return Problems.NotFound(IncidentAccess.NotFound(id));
        }

        loggers.CreateLogger(typeof(AnnouncementEndpoints)).LogInformation(
            "Incident {IncidentId}: announcement {Sequence} published via {Channels} to {RecipientCount} recipient(s)", id, published.Sequence, channelList, recipients.Count);
        await signals.WakeAsync(id, CancellationToken.None); // a workflow waiting for the announcement (plan §3.4) goes on
        return TypedResults.Created($"/api/incidents/{id}/announcements", AnnouncementView.From(published));
    }

    private static IEnumerable<NotificationChannel> Targets(IEnumerable<AnnouncementChannel> channels) => channels.Distinct()
        .Select(c => c switch
        {
            AnnouncementChannel.Email => NotificationChannel.Email,
            AnnouncementChannel.InstantMessage => NotificationChannel.InApp,
            _ => (NotificationChannel?)null,
        })
        .OfType<NotificationChannel>();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

internal enum AnnouncementChannel
{
    InternalNotice,
    BulletinBoard,
    Email,
    InstantMessage,
}

/// <summary>What to announce: the message (rendered into the category's template), the channels, the language (zh or en),
/// the kind (Announcement or ProgressUpdate) and optional recipients (member ids of the affected employees).</summary>
/// <param name="TitleTemplate">Optional Liquid replacing the category's title template for this announcement.</param>
/// <param name="BodyTemplate">Optional Liquid replacing the category's body template for this announcement.</param>
internal sealed record AnnouncementBody(
    string? Message, string[]? Channels, string? Language, string? Kind, string[]? Recipients, string? TitleTemplate = null, string? BodyTemplate = null);

internal sealed record AnnouncementView(
    string Id, string IncidentId, long Sequence, string Kind, string[] Channels, string Language, string Title, string Body,
    string PublishedBy, DateTimeOffset PublishedAt, string BodyHtml)
{
    /// <summary>Announcements from before HTML rendering get their plain body, encoded.</summary>
    public static AnnouncementView From(AnnouncementRecord r) =>
        new(r.Id, r.IncidentId, r.Sequence, r.Kind, r.Channels.Split(','), r.Language, r.Title, r.Body, r.PublishedBy, r.PublishedAt,
            r.BodyHtml.Length > 0 ? r.BodyHtml : System.Net.WebUtility.HtmlEncode(r.Body));
}
