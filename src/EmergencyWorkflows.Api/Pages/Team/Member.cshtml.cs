using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Team;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Pages.Team;

/// <summary>Adds (no id in the URL), edits or removes a team member through the Team API's own handlers.</summary>
[Authorize(Policy = AuthPolicies.TeamLead)]
internal sealed class MemberModel(
    WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, IStringLocalizer<TeamText> text, ILoggerFactory loggers)
    : PageModel
{
    public static IReadOnlyList<string> Platforms { get; } = Enum.GetNames<ImPlatform>();

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    /// <summary>The member being edited; null while adding one.</summary>
    public string? ExistingId { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The stored member (active or not, who deactivated them and when); null while adding one.</summary>
    public MemberView? Stored { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return Page();
        }

        if ((await TeamMemberEndpoints.GetAsync(id, db, cancellationToken)).Result is not Ok<MemberView> { Value: { } member })
        {
            return NotFound();
        }

        ExistingId = member.Id;
        Stored = member;
        Input = MemberInput.From(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        ExistingId = id;
        var body = Input.ToBody();
        var result = id is null
            ? (await TeamMemberEndpoints.CreateAsync(body, db, directory, time, cancellationToken)).Result
            : (await TeamMemberEndpoints.UpdateAsync(id, body, db, directory, time, cancellationToken)).Result;
        switch (result)
        {
            case ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }:
                return NotFound();
            case ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict }:
                Errors.Add("Id", text["Error.Member.IdTaken"]);
                return Page();
            case ProblemHttpResult problem:
                Errors.AddProblem(problem, Route, "DisplayName");
                return Page();
            default:
                TempData[IndexModel.NoticeKey] = "Notice.MemberSaved";
                return Redirect("/team");
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        switch ((await TeamMemberEndpoints.DeleteAsync(id, db, directory, cancellationToken)).Result)
        {
            case ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }:
                return NotFound();
            case ProblemHttpResult problem:
                // In the history, a rotation or a policy: the form stays as stored, with the reason (deactivate instead).
                await OnGetAsync(id, cancellationToken);
                Errors.Add("Remove", text["Error.Member.InUse", problem.ProblemDetails.Detail ?? string.Empty]);
                return Page();
            default:
                TempData[IndexModel.NoticeKey] = "Notice.MemberRemoved";
                return Redirect("/team");
        }
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken)
    {
        switch ((await TeamMemberEndpoints.DeactivateAsync(id, new DeactivateBody { Reason = Reason }, User, db, directory, time, loggers, cancellationToken)).Result)
        {
            case ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound }:
                return NotFound();
            case ProblemHttpResult problem:
                await OnGetAsync(id, cancellationToken);
                Errors.Add("Reason", problem.ProblemDetails.Detail ?? string.Empty);
                return Page();
            default:
                TempData[IndexModel.NoticeKey] = "Notice.MemberDeactivated";
                return Redirect("/team");
        }
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken)
    {
        if ((await TeamMemberEndpoints.ReactivateAsync(id, User, db, directory, time, loggers, cancellationToken)).Result is ProblemHttpResult)
        {
            return NotFound();
        }

        TempData[IndexModel.NoticeKey] = "Notice.MemberReactivated";
        return Redirect("/team");
    }

    private (string Field, string Message)? Route(string sentence) => sentence switch
    {
        _ when sentence.StartsWith("displayName", StringComparison.Ordinal) => ("DisplayName", text["Error.Member.DisplayName"]),
        _ when sentence.StartsWith("roles", StringComparison.Ordinal) || sentence.StartsWith("Role ", StringComparison.Ordinal)
            => ("Roles", text["Error.Member.Roles"]),
        _ when sentence.StartsWith("email", StringComparison.Ordinal) => ("Email", text["Error.Member.Email"]),
        _ when sentence.StartsWith("phone", StringComparison.Ordinal) => ("Phone", text["Error.Member.Phone"]),
        _ when sentence.StartsWith("imAccounts", StringComparison.Ordinal) => ("Im", text["Error.Member.Im"]),
        _ when sentence.StartsWith("id", StringComparison.Ordinal) || sentence.StartsWith("The body's id", StringComparison.Ordinal)
            => ("Id", text["Error.Id"]),
        _ => null,
    };
}

/// <summary>The member form; the same fields as <see cref="MemberBody"/> with one input per IM platform.</summary>
internal sealed class MemberInput
{
    public string? Id { get; set; }

    public string? DisplayName { get; set; }

    public string? Department { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public Dictionary<string, string?> Im { get; set; } = [];

    public static MemberInput From(MemberView member) => new()
    {
        Id = member.Id,
        DisplayName = member.DisplayName,
        Department = member.Department,
        Roles = [.. member.Roles],
        Phone = member.Phone,
        Email = member.Email,
        Im = member.ImAccounts.ToDictionary(a => a.Key, a => (string?)a.Value),
    };

    public MemberBody ToBody() => new()
    {
        Id = Id?.Trim(),
        DisplayName = DisplayName,
        Department = Department,
        Roles = Roles,
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        ImAccounts = Im.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value!.Trim()),
    };
}
