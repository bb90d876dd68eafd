using System.Globalization;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Api.Release;
using EmergencyWorkflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Pages.Employee;

/// <summary>
/// <c>/announcements</c>: the feed every employee reads (<see cref="AnnouncementEndpoints.FeedAsync"/>), newest first.
/// When the team published one update in both languages (two announcements of the same incident and kind, by the same
/// person, one after the other, within an hour), the page shows the one in its own language and folds the other away.
/// Links to an incident only where the reader may open it.
/// </summary>
internal sealed class AnnouncementsModel(IDbContextFactory<WorkflowsDbContext> contexts) : PageModel
{
    private static readonly TimeSpan PairWindow = TimeSpan.FromHours(1);

    public IReadOnlyList<FeedItem> Items { get; private set; } = [];

    public IReadOnlySet<string> VisibleIncidents { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_AnnouncementList", this);
    }

    /// <summary>Pairs the two language versions of one update and keeps the one in <paramref name="language"/> (zh or en).</summary>
    public static IReadOnlyList<FeedItem> Fold(IReadOnlyList<AnnouncementView> feed, string language)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<FeedItem>();
        foreach (var a in feed)
        {
            if (!used.Add(a.Id))
            {
                continue;
            }

            var twin = feed.FirstOrDefault(b => !used.Contains(b.Id) && b.IncidentId == a.IncidentId && b.Kind == a.Kind
                && b.Language != a.Language && Math.Abs(b.Sequence - a.Sequence) == 1 && b.PublishedBy == a.PublishedBy
                && (b.PublishedAt - a.PublishedAt).Duration() <= PairWindow);
            if (twin is null)
            {
                items.Add(new FeedItem(a, null));
                continue;
            }

            used.Add(twin.Id);
            items.Add(twin.Language == language ? new FeedItem(twin, a) : new FeedItem(a, twin));
        }

        return items;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var feed = (await AnnouncementEndpoints.FeedAsync(contexts, cancellationToken)).Value ?? [];
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? "zh" : "en";
        Items = Fold(feed, language);
        var ids = feed.Select(a => a.IncidentId).Distinct(StringComparer.Ordinal).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        VisibleIncidents = (await IncidentAccess.Readable(db, User).Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>An announcement as shown, and its version in the other language when the team published both.</summary>
internal sealed record FeedItem(AnnouncementView Shown, AnnouncementView? OtherLanguage);
