using System.Text.Json;
using EmergencyWorkflows.Api.Feedback;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence.Incidents;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// A report as POST /api/incidents takes it (JSON). Attachments travel inline as base64 (<see cref="AttachmentBody"/>):
/// one request, one transaction, nothing half-uploaded; the whole body stays under EmergencyWorkflows:MaxRequestBodyBytes
/// and each file under Emergency:Reports:MaxAttachmentBytes.
/// </summary>
internal sealed record ReportBody(
    DateTimeOffset? OccurredAt,
    string? Location,
    List<string>? PeopleInvolved,
    int? PeopleAffected,
    string? Category,
    string? InitialSituation,
    ReporterBody? Reporter,
    string? Channel,
    int? Casualties,
    bool? MajorPropertyLoss,
    List<AttachmentBody>? Attachments);

internal sealed record ReporterBody(string? Name, string? Phone, string? Email, string? ImAccount);

internal sealed record AttachmentBody(string? FileName, string? ContentType, string? ContentBase64);

internal sealed record TransitionBody(string? To, string? Reason);

internal sealed record CategoryBody(string? Category, string? Reason);

internal sealed record AssessmentBody(int? Grade, List<string>? Methods, string? Evidence, string? Reason);

internal sealed record ApprovalBody(bool? Approve, string? Note);

internal sealed record IncidentSummary(
    string Id, string DefinitionId, string? Category, string Status, int? Grade, int SuggestedGrade, string Location,
    DateTimeOffset OccurredAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool WorkflowStarted)
{
    public static IncidentSummary Of(IncidentRecord r) => new(
        r.Id, r.DefinitionId, r.Category, r.Status, r.Grade, r.SuggestedGrade, r.Location, r.OccurredAt, r.CreatedAt, r.UpdatedAt,
        r.WorkflowStarted);
}

internal sealed record IncidentView(
    string Id,
    string DefinitionId,
    string? Category,
    string Status,
    int? Grade,
    SuggestionView SuggestedGrade,
    JsonElement? Assessment,
    string? CancelReason,
    ReportView Report,
    string ReportedBy,
    bool WorkflowStarted,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    SlaView? Sla,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<ApprovalView> Approvals,
    IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<FeedbackView> Feedback);

internal sealed record SuggestionView(int Grade, IReadOnlyList<string> Reasons);

internal sealed record ReportView(
    DateTimeOffset OccurredAt, string Location, IReadOnlyList<string> PeopleInvolved, int PeopleAffected, int? Casualties,
    bool MajorPropertyLoss, string InitialSituation, string Channel, ReporterBody Reporter);

internal sealed record AttachmentView(string Id, string FileName, string ContentType, long SizeBytes);

internal sealed record ApprovalView(
    string Id, string Kind, int? ProposedGrade, string Reason, string RequestedBy, DateTimeOffset RequestedAt, string State,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote)
{
    public static ApprovalView Of(IncidentApprovalRecord a) =>
        new(a.Id, a.Kind, a.ProposedGrade, a.Reason, a.RequestedBy, a.RequestedAt, a.State, a.DecidedBy, a.DecidedAt, a.DecisionNote);
}

/// <summary>A timeline line: <paramref name="Summary"/> in English; <paramref name="MessageKey"/> and <paramref name="Args"/>
/// (null on lines written before keys existed) let a page say it in its reader's language.</summary>
internal sealed record TimelineView(DateTimeOffset At, string Actor, string Kind, string Summary, string? Detail,
    string? MessageKey = null, IReadOnlyDictionary<string, string?>? Args = null)
{
    public static TimelineView Of(IncidentTimelineRecord t) => new(t.At, t.Actor, t.Kind, t.Summary, t.Detail,
        t.MessageKey, t.MessageKey is null ? null : TimelineMessage.ParseArgs(t.MessageArgs));
}

/// <summary>The answer when a decision waits for a second team lead: nothing changed yet.</summary>
internal sealed record PendingApprovalAnswer(string Message, ApprovalView Approval);
