using System.Globalization;
using System.Text.RegularExpressions;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Team;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Team;

/// <summary>Adds (no id in the URL), edits or removes an escalation policy and its tiers through the Team API's own
/// handlers. The form always carries one blank tier more: filled in, it is added; left blank, it is ignored.</summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed partial class PolicyModel(
    WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, IStringLocalizer<TeamText> text) : PageModel
{
    [BindProperty]
    public PolicyInput Input { get; set; } = new();

    public string? ExistingId { get; private set; }

    public PolicyView? Stored { get; private set; }

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public IReadOnlyList<RotationView> Rotations { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    /// <summary>The incidents a policy serves, by the id the response SLA looks up (grade-N, else default).</summary>
    public static string AppliesToKey(string policyId) => policyId switch
    {
        "default" => "AppliesTo.Default",
        "grade-1" => "AppliesTo.Grade1",
        "grade-2" => "AppliesTo.Grade2",
        "grade-3" => "AppliesTo.Grade3",
        _ => "AppliesTo.None",
    };

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Stored is not null)
        {
            Input = PolicyInput.From(Stored);
        }

        Input.Tiers.Add(new TierInput());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (body, formIndexOf) = Input.ToBody(Errors, text);
        if (body is not null)
        {
            var result = id is null
                ? (await EscalationPolicyEndpoints.CreateAsync(body, db, directory, time, cancellationToken)).Result
                : (await EscalationPolicyEndpoints.UpdateAsync(id, body, db, directory, time, cancellationToken)).Result;
            switch (result)
            {
                case ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }:
                    return NotFound();
                case ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict }:
                    Errors.Add("Id", text["Error.Policy.IdTaken"]);
                    break;
                case ProblemHttpResult problem:
                    Errors.AddProblem(problem, sentence => Route(sentence, formIndexOf), "Tiers");
                    break;
                default:
                    TempData[IndexModel.NoticeKey] = "Notice.PolicySaved";
                    return Redirect("/team");
            }
        }

        // Shown again as typed, still with one blank tier to add.
        if (Input.Tiers.Count == 0 || !Input.Tiers[^1].IsBlank)
        {
            Input.Tiers.Add(new TierInput());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if ((await EscalationPolicyEndpoints.DeleteAsync(id, db, directory, cancellationToken)).Result is ProblemHttpResult)
        {
            return NotFound();
        }

        TempData[IndexModel.NoticeKey] = "Notice.PolicyRemoved";
        return Redirect("/team");
    }

    public string TargetLabel(string value)
    {
        var target = TargetBody.Parse(value);
        return target.Kind switch
        {
            TeamMapping.WholeTeamKind => text["Target.WholeTeam"],
            TeamMapping.RoleKind => text["Role." + target.Id],
            TeamMapping.RotationKind => Rotations.FirstOrDefault(r => r.Id == target.Id)?.Name ?? target.Id ?? value,
            _ => Members.FirstOrDefault(m => m.Id == target.Id)?.DisplayName ?? target.Id ?? value,
        };
    }

    private async Task<bool> LoadAsync(string? id, CancellationToken cancellationToken)
    {
        ExistingId = id;
        Members = (await TeamMemberEndpoints.ListAsync(db, cancellationToken)).Value ?? [];
        Rotations = (await RotationEndpoints.ListAsync(db, time, cancellationToken)).Value ?? [];
        if (id is null)
        {
            return true;
        }

        if ((await EscalationPolicyEndpoints.GetAsync(id, db, cancellationToken)).Result is not Ok<PolicyView> { Value: { } policy })
        {
            return false;
        }

        Stored = policy;
        return true;
    }

    private (string Field, string Message)? Route(string sentence, IReadOnlyList<int> formIndexOf)
    {
        if (TierSentence().Match(sentence) is { Success: true } tier)
        {
            var n = int.Parse(tier.Groups[1].Value, CultureInfo.InvariantCulture);
            var field = n >= 1 && n <= formIndexOf.Count ? $"Tier{formIndexOf[n - 1]}" : "Tiers";
            var key = sentence switch
            {
                _ when sentence.Contains("no targets", StringComparison.Ordinal) => "Error.Tier.NoTargets",
                _ when sentence.Contains("target", StringComparison.Ordinal) => "Error.Tier.Target",
                _ when sentence.Contains("delay", StringComparison.Ordinal) => "Error.Tier.Delay",
                _ when sentence.Contains("repeat", StringComparison.Ordinal) => "Error.Tier.Repeat",
                _ => "Error.Tier",
            };
            return (field, text[key, n]);
        }

        return sentence switch
        {
            _ when sentence.StartsWith("tiers", StringComparison.Ordinal) || sentence.Contains("has no tiers", StringComparison.Ordinal)
                => ("Tiers", text["Error.Policy.Tiers"]),
            _ when sentence.StartsWith("id", StringComparison.Ordinal) || sentence.StartsWith("The body's id", StringComparison.Ordinal)
                => ("Id", text["Error.Id"]),
            _ => null,
        };
    }

    [GeneratedRegex(@"^Tier (\d+)")]
    private static partial Regex TierSentence();
}

internal sealed class PolicyInput
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<TierInput> Tiers { get; set; } = [];

    public static PolicyInput From(PolicyView policy) => new()
    {
        Id = policy.Id,
        Name = policy.Name,
        Tiers = policy.Tiers.Select(t => new TierInput
        {
            DelayMinutes = TeamFormat.Number(t.Delay.TotalMinutes),
            RepeatCount = t.RepeatCount.ToString(CultureInfo.InvariantCulture),
            RepeatIntervalMinutes = TeamFormat.Number(t.RepeatInterval.TotalMinutes),
            Targets = t.Targets.Select(g => g.Id is null ? g.Kind : $"{g.Kind}:{g.Id}").ToList(),
        }).ToList(),
    };

    /// <summary>The API body and, per API tier, the index of its form tier (removed and blank tiers are left out);
    /// a null body (with the errors added) when a number does not read as one.</summary>
    public (PolicyBody? Body, IReadOnlyList<int> FormIndexOf) ToBody(FormErrors errors, IStringLocalizer<TeamText> text)
    {
        var tiers = new List<TierBody>();
        var formIndexOf = new List<int>();
        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            if (tier.Remove || tier.IsBlank)
            {
                continue;
            }

            var delay = TeamFormat.ParseNumber(tier.DelayMinutes);
            var interval = TeamFormat.ParseNumber(tier.RepeatIntervalMinutes);
            var repeat = TeamFormat.ParseNumber(tier.RepeatCount);
            if (!delay.Ok || delay.Value > TierInput.MaxMinutes || !interval.Ok || interval.Value > TierInput.MaxMinutes
                || !repeat.Ok || repeat.Value is { } r && (r != Math.Floor(r) || r > 100))
            {
                errors.Add($"Tier{i}", text["Error.Tier.Numbers", i + 1]);
                continue;
            }

            formIndexOf.Add(i);
            tiers.Add(new TierBody
            {
                Delay = delay.Value is { } d ? TimeSpan.FromMinutes(d) : null,
                RepeatCount = repeat.Value is { } count ? (int)count : 0,
                RepeatInterval = interval.Value is { } m ? TimeSpan.FromMinutes(m) : TimeSpan.Zero,
                Targets = tier.Targets.Select(TargetBody.Parse).ToList(),
            });
        }

        return errors.Any ? (null, formIndexOf) : (new PolicyBody { Id = Id?.Trim(), Name = Name, Tiers = tiers }, formIndexOf);
    }
}

/// <summary>One tier: minutes as numbers, targets as <c>kind:id</c> (or <c>whole-team</c>).</summary>
internal sealed class TierInput
{
    /// <summary>A year: longer is a typo, and would overflow a time span.</summary>
    public const double MaxMinutes = 60 * 24 * 366;

    public string? DelayMinutes { get; set; }

    public string? RepeatCount { get; set; }

    public string? RepeatIntervalMinutes { get; set; }

    public List<string> Targets { get; set; } = [];

    public bool Remove { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(DelayMinutes) && string.IsNullOrWhiteSpace(RepeatCount) && string.IsNullOrWhiteSpace(RepeatIntervalMinutes)
        && Targets.Count == 0;
}
