using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Metrics;
using EmergencyWorkflows.Emergency.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Metrics;

/// <summary>/metrics: the team lead's response metrics with charts; the same numbers as GET /api/metrics.</summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class MetricsModel(MetricsQuery metrics, IStringLocalizer<MetricsText> l, IStringLocalizer<CommonText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Days { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Grade { get; set; }

    public int Period { get; private set; } = MetricsFilter.DefaultPeriod;

    public IncidentCategory? SelectedCategory { get; private set; }

    public IncidentGrade? SelectedGrade { get; private set; }

    /// <summary>The query fields that were not valid (ignored, and said so).</summary>
    public IReadOnlyCollection<string> InvalidFields { get; private set; } = [];

    public MetricsAnswer Answer { get; private set; } = null!;

    public MetricsCharts Charts { get; private set; } = null!;

    /// <summary>
    /// The live region's source: the charts alone, for the same filter (site.js fetches it on every change /live reports,
    /// so a new report, an acknowledgement or a close shows without reloading the page).
    /// </summary>
    public string FragmentUrl => QueryHelpers.AddQueryString("/metrics", new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["handler"] = "Fragment",
        ["days"] = Days,
        ["category"] = Category,
        ["grade"] = Grade,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_MetricsCharts", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(Days))
        {
            if (int.TryParse(Days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
                && MetricsFilter.Periods.Contains(days))
            {
                Period = days;
            }
            else
            {
                errors["days"] = ["not one of the periods offered"];
            }
        }

        SelectedCategory = MetricsFilter.ParseCategory(Category, errors);
        SelectedGrade = MetricsFilter.ParseGrade(Grade, errors);
        InvalidFields = errors.Keys;

        var filter = MetricsFilter.LastDays(Period, SelectedCategory, SelectedGrade, metrics.Now, metrics.Zone);
        Answer = await metrics.RunAsync(filter, cancellationToken);
        Charts = new MetricsCharts(l, t, metrics.Zone);
    }
}
