using System.Globalization;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Api.Release;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Lead;

/// <summary>
/// <c>/lead/incidents/{id}/announce</c>: publish an announcement or progress update (plan §3.4) through the chosen
/// channels, in Chinese or English, with the category's message prefilled and editable; published through the API's own
/// handler (<see cref="AnnouncementEndpoints.PublishAsync"/>), which renders it into the category's template.
/// </summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class AnnounceModel(
    IDbContextFactory<WorkflowsDbContext> contexts, IncidentWriter writer, AnnouncementTemplates templates, AffectedEmployees affected,
    AckLinkOptions links, TimeProvider time, ILoggerFactory loggers, IncidentSignals signals, IStringLocalizer<LeadText> l) : PageModel
{
    public static readonly string[] ChannelNames = Enum.GetNames<AnnouncementChannel>();

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>zh or en: the announcement's language (the page's language by default).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty]
    public string Kind { get; set; } = "Announcement";

    [BindProperty]
    public List<string> Channels { get; set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    [BindProperty]
    public string? Recipients { get; set; }

    public LeadIncident Incident { get; private set; } = null!;

    public IReadOnlyList<AnnouncementRecord> Published { get; private set; } = [];

    public LeadForm Form { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Language = Language is "zh" or "en" ? Language : CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "zh" : "en";
        Channels = ["InternalNotice", "BulletinBoard"];
        Message = PrefilledMessage(Incident.Record.Category, Language);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Channels = Channels.Where(ChannelNames.Contains).Distinct().ToList();
        if (Channels.Count == 0)
        {
            Form.Add("channel-InternalNotice", l["Announce.ChannelRequired"]);
        }

        if (string.IsNullOrWhiteSpace(Message))
        {
            Form.Add("message", l["Announce.MessageRequired"]);
        }

        if (Language is not ("zh" or "en"))
        {
            Form.Add("language-zh", l["Announce.LanguageRequired"]);
        }

        if (Kind is not ("Announcement" or "ProgressUpdate"))
        {
            Form.Add("kind-Announcement", l["Announce.KindRequired"]);
        }

        if (Form.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var recipients = (Recipients ?? string.Empty).Split([',', ';', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var body = new AnnouncementBody(Message, [.. Channels], Language, Kind, recipients);
        var published = await AnnouncementEndpoints.PublishAsync(Id, body, User, writer, templates, affected, links, time, loggers, signals, cancellationToken);
        if (published.Result is Created<AnnouncementView>)
        {
            return RedirectToPage(new { id = Id, done = "published" });
        }

        Form.TakeProblem(published.Result, l);
        Response.StatusCode = Form.ProblemStatus ?? StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The category's suggested message in the announcement's language, whatever the page's language is.</summary>
    private string PrefilledMessage(string? category, string language)
    {
        var page = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language == "zh" ? "zh-CN" : "en");
            return l["Announce.Template." + (category ?? "unknown")].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = page;
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await LeadIncident.LoadAsync(db, User, Id, cancellationToken) is not { } incident)
        {
            return false;
        }

        Incident = incident;
        var rows = await db.Announcements.AsNoTracking().Where(a => a.IncidentId == Id).ToListAsync(cancellationToken);
        Published = rows.OrderByDescending(a => a.Sequence).ToList();
        return true;
    }
}
