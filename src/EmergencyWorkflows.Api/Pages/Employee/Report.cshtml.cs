using System.Globalization;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Hosting;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Api.Web;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Pages.Employee;

/// <summary>
/// <c>/report</c>: the plan's report form (§3.1), filed through the API's intake (<see cref="IncidentReportEndpoints.ReportAsync"/>),
/// so the page checks exactly what the API checks. An employee reports as themselves (contact from their identity,
/// channel Web); an operator (responder and above) may file on someone's behalf (<c>?onBehalf=true</c>) with the
/// channel the report arrived by. Attachments come as a multipart upload and go to the intake as its inline files.
/// </summary>
internal sealed class ReportModel(
    IncidentIntake intake,
    IDbContextFactory<WorkflowsDbContext> contexts,
    IWorkflowInstanceStore instances,
    IncidentReportLimits limits,
    IOptions<ServiceOptions> service,
    IStringLocalizer<EmployeeText> text) : PageModel
{
    /// <summary>The channels an operator picks from when filing for someone else (plan §3.1: phone, messaging, writing).</summary>
    public static readonly ReportChannel[] OperatorChannels = [ReportChannel.Phone, ReportChannel.InstantMessage, ReportChannel.Written];

    [BindProperty(SupportsGet = true)]
    public bool OnBehalf { get; set; }

    [BindProperty]
    public string? OccurredAt { get; set; }

    /// <summary>The browser's offset from UTC in minutes for <see cref="OccurredAt"/> (JavaScript's getTimezoneOffset); wwwroot/js/employee.js fills it.</summary>
    [BindProperty]
    public string? TimeZoneOffset { get; set; }

    [BindProperty]
    public string? Location { get; set; }

    [BindProperty]
    public string? PeopleInvolved { get; set; }

    [BindProperty]
    public string? PeopleAffected { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? InitialSituation { get; set; }

    [BindProperty]
    public string? Casualties { get; set; }

    [BindProperty]
    public bool MajorPropertyLoss { get; set; }

    [BindProperty]
    public string? ReporterName { get; set; }

    [BindProperty]
    public string? ReporterPhone { get; set; }

    [BindProperty]
    public string? ReporterEmail { get; set; }

    [BindProperty]
    public string? ReporterImAccount { get; set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public FormErrors Errors { get; } = new();

    /// <summary>Whether this user may file on someone else's behalf: whoever works incidents (an operator).</summary>
    public bool IsOperator => User.IsResponder();

    public IncidentReportLimits Limits => limits;

    /// <summary>The most the whole form may weigh: the service's request body limit.</summary>
    public long MaxTotalBytes => service.Value.MaxRequestBodyBytes;

    public void OnGet()
    {
        OnBehalf = OnBehalf && IsOperator;
        if (!OnBehalf)
        {
            ReporterName = User.DisplayNameOf() ?? User.UserNameOf();
            ReporterImAccount = User.UserNameOf();
        }

        PeopleAffected = "1";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        OnBehalf = OnBehalf && IsOperator;
        var channel = ReportChannel.Web;
        if (OnBehalf)
        {
            channel = Enum.TryParse<ReportChannel>(Channel, ignoreCase: true, out var picked) && OperatorChannels.Contains(picked) ? picked : ReportChannel.Phone;
        }

        var occurredAt = ParseOccurredAt();
        var peopleAffected = ParseNumber("peopleAffected", PeopleAffected);
        var casualties = ParseNumber("casualties", Casualties);
        var attachments = await ReadAttachmentsAsync(cancellationToken);
        if (Errors.Any)
        {
            return Page();
        }

        var body = new ReportBody(
            occurredAt,
            Location,
            (PeopleInvolved ?? string.Empty).Split(['\n', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            peopleAffected ?? 0,
            Category,
            InitialSituation,
            new ReporterBody(ReporterName, Blank(ReporterPhone), Blank(ReporterEmail), Blank(ReporterImAccount)),
            channel.ToString(),
            casualties,
            MajorPropertyLoss,
            attachments);
        var answer = await IncidentReportEndpoints.ReportAsync(body, User, intake, contexts, instances, cancellationToken);
        switch (answer.Result)
        {
            case Created<IncidentView> created:
                return Redirect($"/report/{Uri.EscapeDataString(created.Value!.Id)}/done");
            case ValidationProblem invalid:
                var coded = FieldErrors.Of(invalid.ProblemDetails);
                foreach (var (key, messages) in invalid.ProblemDetails.Errors)
                {
                    var codes = coded.TryGetValue(key, out var c) ? c : [];
                    foreach (var message in messages)
                    {
                        Errors.Add(FieldOf(key), Say(codes.FirstOrDefault(e => e.Message == message), message));
                    }
                }

                break;
            case ProblemHttpResult problem:
                Errors.Add("form", problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "Error");
                Response.StatusCode = problem.StatusCode;
                return Page();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>An API validation sentence in the page's language: its code's text (ApiError.*), or the sentence as the
    /// API wrote it when the code is unknown to the page.</summary>
    private string Say(FieldError? error, string english)
    {
        if (error is null)
        {
            return english;
        }

        var localized = text["ApiError." + error.Code, [.. error.Args]];
        return localized.ResourceNotFound ? english : localized.Value;
    }

    /// <summary>The form field an intake error key belongs to (<c>reporter.phone</c> → <c>reporterPhone</c>, <c>attachments[1].contentType</c> → <c>attachments</c>).</summary>
    public static string FieldOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        var root = bracket >= 0 ? key[..bracket] : key;
        return root switch
        {
            "reporter" => "reporterPhone",
            "reporter.name" => "reporterName",
            "reporter.phone" => "reporterPhone",
            "reporter.email" => "reporterEmail",
            "reporter.imAccount" => "reporterImAccount",
            "occurredAt" or "location" or "peopleInvolved" or "peopleAffected" or "category" or "initialSituation"
                or "casualties" or "majorPropertyLoss" or "channel" or "attachments" => root,
            _ => "form",
        };
    }

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");

    private DateTimeOffset? ParseOccurredAt()
    {
        if (string.IsNullOrWhiteSpace(OccurredAt))
        {
            return null;
        }

        if (!DateTime.TryParseExact(OccurredAt.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
        {
            Errors.Add("occurredAt", text["Errors.DateFormat"]);
            return null;
        }

        // datetime-local carries no zone: the browser sends its offset; without script, the server's zone is assumed.
        var offset = int.TryParse(TimeZoneOffset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) && Math.Abs(minutes) <= 14 * 60
            ? TimeSpan.FromMinutes(-minutes)
            : TimeZoneInfo.Local.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    private int? ParseNumber(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Errors.Add(field, text["Errors.Number"]);
        return null;
    }

    private async Task<List<AttachmentBody>> ReadAttachmentsAsync(CancellationToken cancellationToken)
    {
        var files = Attachments.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (files.Count > limits.MaxAttachments)
        {
            Errors.Add("attachments", text["Errors.TooManyFiles", limits.MaxAttachments]);
            return [];
        }

        var bodies = new List<AttachmentBody>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > limits.MaxAttachmentBytes)
            {
                Errors.Add("attachments", text["Errors.FileTooLarge", name, Megabytes(limits.MaxAttachmentBytes)]);
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            bodies.Add(new AttachmentBody(name, file.ContentType, Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length)));
        }

        return bodies;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
