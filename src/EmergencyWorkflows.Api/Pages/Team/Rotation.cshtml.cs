using System.Globalization;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Team;
using EmergencyWorkflows.Api.Web;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Team;

/// <summary>Adds (no id in the URL) or edits an on-call rotation, its swaps and leave, and previews the next 7 days,
/// all through the Team API's own handlers.</summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class RotationModel(
    WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, IStringLocalizer<TeamText> text, DisplayTime display) : PageModel
{
    public static readonly TimeSpan PreviewSpan = TimeSpan.FromDays(7);

    [BindProperty]
    public RotationInput Input { get; set; } = new();

    [BindProperty]
    public PeriodInput Period { get; set; } = new();

    public string? ExistingId { get; private set; }

    public RotationView? Stored { get; private set; }

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public IReadOnlyList<Shift> Preview { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public FormErrors PeriodErrors { get; } = new();

    public string? Notice { get; private set; }

    /// <summary>The members in the order the form lists them: the rotation's turn order first, then everyone else.</summary>
    public IEnumerable<MemberView> MembersInFormOrder =>
        Members.OrderBy(m => Input.Turns.TryGetValue(m.Id, out var turn) && int.TryParse(turn, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .ThenBy(m => m.Position);

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        Notice = TempData[IndexModel.NoticeKey] as string;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Stored is not null)
        {
            Input = RotationInput.From(Stored, display);
        }
        else
        {
            // A new rotation starts at the next whole hour, weekly.
            var now = time.GetUtcNow();
            Input.Anchor = display.Input(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1));
            Input.PeriodHours = "168";
        }

        return Page();
    }

    /// <summary>The preview alone, for site.js to swap in when something changed (a swap, a leave, a deactivation).</summary>
    public async Task<IActionResult> OnGetPreviewAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && Stored is not null ? Partial("_RotationPreview", this) : NotFound();

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var body = Input.ToBody(Errors, text, display);
        if (body is null)
        {
            return Page();
        }

        var result = id is null
            ? (await RotationEndpoints.CreateAsync(body, db, directory, time, cancellationToken)).Result
            : (await RotationEndpoints.UpdateAsync(id, body, db, directory, time, cancellationToken)).Result;
        switch (result)
        {
            case ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }:
                return NotFound();
            case ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict }:
                Errors.Add("Id", text["Error.Rotation.IdTaken"]);
                return Page();
            case ProblemHttpResult problem:
                Errors.AddProblem(problem, Route, "Name");
                return Page();
            default:
                TempData[IndexModel.NoticeKey] = "Notice.RotationSaved";
                return Redirect($"/team/rotations/{Uri.EscapeDataString(id ?? body.Id!)}");
        }
    }

    /// <summary>A swap (someone else is on call) or a leave (a member is away) for a stretch of time.</summary>
    public async Task<IActionResult> OnPostAddPeriodAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Stored is null)
        {
            return NotFound();
        }

        Input = RotationInput.From(Stored, display);
        var from = display.ParseInput(Period.From);
        var until = display.ParseInput(Period.Until);
        if (!from.Ok)
        {
            PeriodErrors.Add("PeriodFrom", text["Error.Time", display.ZoneName]);
        }

        if (!until.Ok)
        {
            PeriodErrors.Add("PeriodUntil", text["Error.Time", display.ZoneName]);
        }

        if (PeriodErrors.Any)
        {
            return Page();
        }

        var body = new PeriodBody { MemberId = string.IsNullOrWhiteSpace(Period.MemberId) ? null : Period.MemberId, From = from.Value, Until = until.Value };
        var result = Period.Kind == "leave"
            ? (await RotationEndpoints.AddLeaveAsync(id, body, db, directory, time, cancellationToken)).Result
            : (await RotationEndpoints.AddOverrideAsync(id, body, db, directory, time, cancellationToken)).Result;
        if (result is ProblemHttpResult problem)
        {
            PeriodErrors.AddProblem(problem, RoutePeriod, "PeriodFrom");
            return Page();
        }

        TempData[IndexModel.NoticeKey] = Period.Kind == "leave" ? "Notice.LeaveAdded" : "Notice.OverrideAdded";
        return Redirect($"/team/rotations/{Uri.EscapeDataString(id)}");
    }

    public async Task<IActionResult> OnPostDeletePeriodAsync(string id, string kind, string periodId, CancellationToken cancellationToken)
    {
        var result = kind == "leave"
            ? (await RotationEndpoints.DeleteLeaveAsync(id, periodId, db, directory, cancellationToken)).Result
            : (await RotationEndpoints.DeleteOverrideAsync(id, periodId, db, directory, cancellationToken)).Result;
        if (result is ProblemHttpResult)
        {
            return NotFound();
        }

        TempData[IndexModel.NoticeKey] = "Notice.PeriodRemoved";
        return Redirect($"/team/rotations/{Uri.EscapeDataString(id)}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        switch ((await RotationEndpoints.DeleteAsync(id, db, directory, cancellationToken)).Result)
        {
            case ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }:
                return NotFound();
            case ProblemHttpResult problem:
                // Still a target of an escalation policy: the page stays, with the reason.
                await OnGetAsync(id, cancellationToken);
                Errors.Add("Remove", text["Error.Rotation.InUse", problem.ProblemDetails.Detail ?? string.Empty]);
                return Page();
            default:
                TempData[IndexModel.NoticeKey] = "Notice.RotationRemoved";
                return Redirect("/team");
        }
    }

    public string NameOf(string? memberId) =>
        memberId is null ? text["OnCall.Nobody"] : Members.FirstOrDefault(m => m.Id == memberId)?.DisplayName ?? memberId;

    private async Task<bool> LoadAsync(string? id, CancellationToken cancellationToken)
    {
        ExistingId = id;
        Members = (await TeamMemberEndpoints.ListAsync(db, cancellationToken)).Value ?? [];
        if (id is null)
        {
            return true;
        }

        if ((await RotationEndpoints.GetAsync(id, db, time, cancellationToken)).Result is not Ok<RotationView> { Value: { } rotation })
        {
            return false;
        }

        Stored = rotation;
        Preview = RotationPreview.Shifts(RotationPreview.ToDomain(rotation), time.GetUtcNow(), PreviewSpan);
        return true;
    }

    private (string Field, string Message)? Route(string sentence) => sentence switch
    {
        _ when sentence.StartsWith("memberIds", StringComparison.Ordinal) => ("Turns", text["Error.Rotation.Members"]),
        _ when sentence.StartsWith("handoffAnchor", StringComparison.Ordinal) => ("Anchor", text["Error.Rotation.Anchor", display.ZoneName]),
        _ when sentence.StartsWith("period", StringComparison.Ordinal) => ("PeriodHours", text["Error.Rotation.Period"]),
        _ when sentence.StartsWith("id", StringComparison.Ordinal) || sentence.StartsWith("The body's id", StringComparison.Ordinal)
            => ("Id", text["Error.Id"]),
        _ => null,
    };

    private (string Field, string Message)? RoutePeriod(string sentence) => sentence switch
    {
        _ when sentence.StartsWith("memberId", StringComparison.Ordinal) => ("PeriodMember", text["Error.Period.Member"]),
        _ when sentence.StartsWith("from and until", StringComparison.Ordinal) => ("PeriodFrom", text["Error.Period.Required"]),
        _ when sentence.StartsWith("until", StringComparison.Ordinal) => ("PeriodUntil", text["Error.Period.Order"]),
        _ => null,
    };
}

/// <summary>The rotation form: turn numbers per member (blank: not in the rotation), a start in the display zone and a
/// shift length in hours.</summary>
internal sealed class RotationInput
{
    /// <summary>Ten years: longer is a typo, and would overflow a time span.</summary>
    private const double MaxHours = 24 * 366 * 10;

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Anchor { get; set; }

    public string? PeriodHours { get; set; }

    public Dictionary<string, string?> Turns { get; set; } = [];

    public static RotationInput From(RotationView rotation, DisplayTime display) => new()
    {
        Id = rotation.Id,
        Name = rotation.Name,
        Anchor = display.Input(rotation.HandoffAnchor),
        PeriodHours = TeamFormat.Number(rotation.Period.TotalHours),
        Turns = rotation.MemberIds.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => (string?)(x.i + 1).ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>The API body, or null (with the errors added) when an input is not even a time or a number.</summary>
    public RotationBody? ToBody(FormErrors errors, IStringLocalizer<TeamText> text, DisplayTime display)
    {
        var anchor = display.ParseInput(Anchor);
        if (!anchor.Ok)
        {
            errors.Add("Anchor", text["Error.Time", display.ZoneName]);
        }

        var hours = TeamFormat.ParseNumber(PeriodHours);
        if (!hours.Ok || hours.Value > MaxHours)
        {
            errors.Add("PeriodHours", text["Error.Rotation.Period"]);
        }

        var order = new List<(int Turn, string MemberId)>();
        foreach (var (memberId, turn) in Turns.Where(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            if (int.TryParse(turn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                order.Add((n, memberId));
            }
            else
            {
                errors.Add("Turns", text["Error.Rotation.Turn"]);
            }
        }

        if (errors.Any)
        {
            return null;
        }

        return new RotationBody
        {
            Id = Id?.Trim(),
            Name = Name,
            MemberIds = order.OrderBy(o => o.Turn).Select(o => o.MemberId).ToList(),
            HandoffAnchor = anchor.Value,
            Period = hours.Value is { } h ? TimeSpan.FromHours(h) : null,
        };
    }
}

/// <summary>A swap (Kind "override") or a leave (Kind "leave").</summary>
internal sealed class PeriodInput
{
    public string? Kind { get; set; }

    public string? MemberId { get; set; }

    public string? From { get; set; }

    public string? Until { get; set; }
}
