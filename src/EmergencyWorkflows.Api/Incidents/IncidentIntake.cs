using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Persistence.Incidents;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.EntityFrameworkCore;
using WorkflowIncidentRecord = EmergencyWorkflows.Emergency.Activities.IncidentRecord;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// Takes a report: validates it, suggests a grade, stores the incident with its attachments, first timeline entry and
/// the page to the people on call (<see cref="IncidentPager"/>) in one transaction (then it is accepted: durable), and starts the category's workflow (latest published version;
/// an unknown category starts <c>triage</c>) with the incident id as instance and correlation id. Should the process
/// die between the two, the row stays <c>WorkflowStarted = false</c> and <see cref="IncidentStartSweeper"/> starts the
/// workflow when the service comes back.
/// </summary>
internal sealed class IncidentIntake(
    IncidentWriter writer,
    IWorkflowRuntime runtime,
    IWorkflowInstanceStore instances,
    IncidentReportValidator validator,
    GradeSuggester suggester,
    IncidentPager pager,
    TimeProvider time,
    ILogger<IncidentIntake> logger)
{
    public const string TriageDefinitionId = "triage";

    public async Task<IntakeResult> ReportAsync(ReportBody body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
        IncidentCategory? category = null;
        if (!string.IsNullOrWhiteSpace(body.Category) && !string.Equals(body.Category.Trim(), "unknown", StringComparison.OrdinalIgnoreCase))
        {
            if (IncidentCategoryKeys.TryParse(body.Category, out var parsed))
            {
                category = parsed;
            }
            else
            {
                errors["category"] = [FieldError.Of("Report.Category", $"Unknown category '{Clip(body.Category)}'; use {IncidentCategoryKeys.PersonnelSafety}, " +
                    $"{IncidentCategoryKeys.ServiceInterruption}, {IncidentCategoryKeys.ComplaintDispute}, or leave it empty when unknown (the team triages).")];
            }
        }

        var channel = ReportChannel.Api;
        if (!string.IsNullOrWhiteSpace(body.Channel) && (!Enum.TryParse(body.Channel, ignoreCase: true, out channel) || !Enum.IsDefined(channel)))
        {
            errors["channel"] = [FieldError.Of("Report.Channel", "The channel must be one of: " + string.Join(", ", Enum.GetNames<ReportChannel>()) + ".")];
            channel = ReportChannel.Api;
        }

        var files = new List<(ReportAttachment Meta, byte[] Bytes)>();
        for (var i = 0; i < (body.Attachments?.Count ?? 0); i++)
        {
            var a = body.Attachments![i];
            var bytes = Array.Empty<byte>();
            if (string.IsNullOrEmpty(a?.ContentBase64))
            {
                errors[$"attachments[{i}].contentBase64"] = [FieldError.Of("Report.FileContent", "The attachment's content (base64) is required.")];
            }
            else
            {
                try
                {
                    bytes = Convert.FromBase64String(a.ContentBase64);
                }
                catch (FormatException)
                {
                    errors[$"attachments[{i}].contentBase64"] = [FieldError.Of("Report.FileContent", "The attachment's content is not valid base64.")];
                }
            }

            files.Add((new ReportAttachment(a?.FileName ?? string.Empty, a?.ContentType ?? string.Empty, bytes.LongLength), bytes));
        }

        var report = new IncidentReport(
            body.OccurredAt ?? default,
            body.Location ?? string.Empty,
            body.PeopleInvolved ?? [],
            body.PeopleAffected ?? 0,
            category,
            body.InitialSituation ?? string.Empty,
            body.Reporter is null ? null! : new ReporterContact(body.Reporter.Name ?? string.Empty, body.Reporter.Phone, body.Reporter.Email, body.Reporter.ImAccount),
            channel,
            files.Select(f => f.Meta).ToList())
        {
            Casualties = body.Casualties,
            MajorPropertyLoss = body.MajorPropertyLoss ?? false,
        };

        foreach (var (field, messages) in validator.ValidateWithCodes(report))
        {
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
        }

        if (errors.Count > 0)
        {
            return new IntakeResult(null, errors);
        }

        var suggestion = suggester.Suggest(report);
        var now = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var record = new IncidentRecord
        {
            Id = id,
            DefinitionId = category?.ToKey() ?? TriageDefinitionId,
            Category = category?.ToKey(),
            OccurredAt = report.OccurredAt,
            Location = report.Location.Trim(),
            PeopleInvolvedJson = JsonSerializer.Serialize(report.PeopleInvolved),
            PeopleAffected = report.PeopleAffected,
            Casualties = report.Casualties,
            MajorPropertyLoss = report.MajorPropertyLoss,
            InitialSituation = report.InitialSituation.Trim(),
            Channel = channel.ToString(),
            ReporterName = report.Reporter.Name.Trim(),
            ReporterPhone = report.Reporter.Phone?.Trim(),
            ReporterEmail = report.Reporter.Email?.Trim(),
            ReporterImAccount = report.Reporter.ImAccount?.Trim(),
            ReportedBy = user.UserNameOf() ?? "anonymous",
            ReportedByMemberId = user.MemberIdOf(),
            Status = nameof(IncidentStatus.Reported),
            SuggestedGrade = (int)suggestion.Grade,
            SuggestedGradeReasonsJson = JsonSerializer.Serialize(suggestion.Reasons),
            WorkflowStarted = false,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };

        IncidentPage? page = null;
        await writer.WriteAsync(async (db, ct) =>
        {
            db.Incidents.Add(record);
            foreach (var (meta, bytes) in files)
            {
                db.IncidentAttachments.Add(new IncidentAttachmentRecord
                {
                    Id = Guid.NewGuid().ToString("N"),
                    IncidentId = id,
                    FileName = meta.FileName,
                    ContentType = meta.ContentType,
                    SizeBytes = bytes.LongLength,
                    Content = bytes,
                    CreatedAt = now,
                });
            }

            db.IncidentTimeline.Add(IncidentTimelineRecord.Of(id, now, record.ReportedBy, TimelineKind.Reported,
                TimelineMessages.Reported(channel.ToString(), category?.ToKey()),
                $"Suggested grade: Level {(int)suggestion.Grade} ({string.Join("; ", suggestion.Reasons)})."));
            page = pager.AddPage(db, record, now);
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);

        logger.LogInformation("Incident {IncidentId} reported via {Channel}: workflow {DefinitionId}, suggested grade {Grade}, {AttachmentCount} attachments",
            id, channel, record.DefinitionId, (int)suggestion.Grade, files.Count);
        if (page is { Paged.Count: 0 })
        {
            logger.LogWarning("Incident {IncidentId}: nobody could be paged at report: nobody on call under policy {PolicyId} and no team lead on the roster",
                id, page.PolicyId);
        }
        else if (page is not null)
        {
            logger.LogInformation("Incident {IncidentId} paged at report ({PageKind}): {PagedMemberIds}, {NotificationCount} notification(s) queued",
                id, page.OnCall ? "on call" : "team leads, nobody on call", page.Paged, page.Notifications);
        }


        // The report is durable now; a failed start is completed by the start-up sweep rather than lost or refused.
        record.WorkflowStarted = await StartWorkflowAsync(record, CancellationToken.None);
        return new IntakeResult(record, null);
    }

    /// <summary>Starts the incident's workflow unless it exists already, then marks the row started. False when the
    /// start failed (logged; the row stays pending for the next sweep).</summary>
    public async Task<bool> StartWorkflowAsync(IncidentRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            var instanceId = record.Id;
            JsonObject? carryOver = null;
            if (await instances.FindAsync(record.Id, cancellationToken) is { } own && own.DefinitionId != record.DefinitionId)
            {
                // Re-categorised out of triage: the triage workflow stops and the category's runs under its own id,
                // taking over the response already recorded (SLA, responses, escalation rounds).
                instanceId = IncidentInstanceIds.ForCategory(record.Id, record.DefinitionId);
                carryOver = WorkflowIncidentRecord.CarryOver(own);
                if (!own.IsFinished)
                {
                    await runtime.CancelAsync(own.Id, cancellationToken);
                }
            }

            if (await instances.FindAsync(instanceId, cancellationToken) is null)
            {
                var input = new JsonObject
                {
                    ["incidentId"] = record.Id,
                    ["category"] = record.Category,
                    ["grade"] = record.Grade ?? record.SuggestedGrade,
                };
                if (carryOver is not null)
                {
                    input[WorkflowIncidentRecord.CarryOverInputKey] = carryOver;
                }

                await runtime.StartAsync(new StartWorkflowRequest(record.DefinitionId, input, CorrelationId: record.Id, InstanceId: instanceId), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Incident {IncidentId}: starting workflow {DefinitionId} failed; the start-up sweep retries it", record.Id, record.DefinitionId);
            return false;
        }

        await writer.WriteAsync((db, ct) => db.Incidents.Where(i => i.Id == record.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.WorkflowStarted, true), ct), cancellationToken);
        return true;
    }

    private static string Clip(string value) => value.Length > 40 ? value[..40] + "…" : value;
}

internal sealed record IntakeResult(IncidentRecord? Incident, IReadOnlyDictionary<string, FieldError[]>? Errors);
