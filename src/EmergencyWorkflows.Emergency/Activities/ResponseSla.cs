using System.Globalization;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Sla;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SlaRecord = EmergencyWorkflows.Emergency.Sla.ResponseSla;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// <c>Emergency.ResponseSla</c>: starts the response SLA when the report is received. The deadline comes from the
/// configured targets for the incident's grade and category; the escalation policy for the grade is snapshotted onto
/// the instance. Then it waits for an acknowledgement or arrival (port <c>Met</c>) or the deadline (port
/// <c>Breached</c>, a timer bookmark due at the deadline).
/// </summary>
public sealed class ResponseSla(IEmergencyDirectory directory, SlaTargets targets, ILogger<ResponseSla>? logger = null) : Activity
{
    public const string Met = "Met";
    public const string Breached = "Breached";

    /// <summary>The category of a report still in triage: the grade's target (or the default) applies.</summary>
    public const string Unknown = "unknown";

    private readonly ILogger logger = logger ?? NullLogger<ResponseSla>.Instance;

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Emergency.ResponseSla",
        Category = "Emergency",
        DisplayName = "Response SLA",
        Description = "Starts the response SLA when the report is received (deadline from the targets for the grade and " +
            "category, escalation policy snapshotted), then waits: Met when the team acknowledges or arrives in time, " +
            "Breached at the deadline.",
        Inputs =
        [
            new("grade", "String", null, "Grade",
                "1 major, 2 serious, 3 general. An ungraded report is treated as grade 1 until assessed.", "dropdown",
                Options: ["1", "2", "3"]),
            new("category", "String", null, "Category",
                "The incident category; empty means the workflow's definition id; unknown (triage) uses the grade's target.", "dropdown",
                Options: [IncidentCategoryKeys.PersonnelSafety, IncidentCategoryKeys.ServiceInterruption, IncidentCategoryKeys.ComplaintDispute, Unknown]),
            new("policyId", "String", null, "Escalation policy",
                "The policy to snapshot; empty means 'grade-<n>', then 'default'.", "singleline"),
        ],
        Outputs = [new("deadline", "DateTime"), new("sla", "Object")],
        Outcomes = [Met, Breached],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IncidentRecord.ApplyCarryOver(context);
        var existing = IncidentRecord.ReadSla(context.Instance);
        if (existing is { State: not SlaState.Pending })
        {
            // A loop back into the SLA: the incident's SLA was settled once and stays as it was.
            context.Complete([existing.State == SlaState.Met ? Met : Breached]);
            return;
        }

        var sla = existing ?? StartSla(context);
        context.SetOutput("deadline", sla.Deadline);
        context.SetOutput("sla", context.Instance.Variables[IncidentRecord.SlaVariable]?.DeepClone());
        context.CreateBookmark(EmergencyBookmarks.SlaDeadline, null, new JsonObject { ["deadline"] = sla.Deadline }, sla.Deadline);
        context.CreateBookmark(EmergencyBookmarks.Response, context.Instance.Id,
            new JsonObject { ["accepts"] = new JsonArray(nameof(ResponseKind.Acknowledge), nameof(ResponseKind.Arrive)) });
    }

    public override void OnResume(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bookmark);
        if (bookmark.Name == EmergencyBookmarks.Response)
        {
            var response = IncidentResponse.FromJson(context.GetRunInput(EmergencyBookmarks.ResponseInputKey));
            var answered = IncidentRecord.Record(context, response)
                ?? throw new InvalidOperationException("The incident has no response SLA record.");
            Settle(context, answered);
            return;
        }

        var sla = IncidentRecord.ReadSla(context.Instance)
            ?? throw new InvalidOperationException("The incident has no response SLA record.");
        var checkedSla = sla.Breach(context.Now);
        if (checkedSla.State == SlaState.Pending)
        {
            // Woken before the deadline (the runtime does not do this, a hand-resumed bookmark can): wait again.
            context.CreateBookmark(EmergencyBookmarks.SlaDeadline, null, new JsonObject { ["deadline"] = sla.Deadline }, sla.Deadline);
            return;
        }

        IncidentRecord.WriteSla(context, checkedSla);
        logger.LogWarning("Response SLA of incident {InstanceId} breached: deadline {Deadline} passed without a response",
            context.Instance.Id, sla.Deadline);
        Settle(context, checkedSla);
    }

    private void Settle(ActivityExecutionContext context, SlaRecord sla)
    {
        context.SetOutput("sla", context.Instance.Variables[IncidentRecord.SlaVariable]?.DeepClone());
        if (sla.State == SlaState.Met)
        {
            logger.LogInformation("Response SLA of incident {InstanceId} met after {TimeToRespond}", context.Instance.Id,
                sla.RespondedAt - sla.ReportedAt);
        }

        context.Complete([sla.State == SlaState.Met ? Met : Breached]);
    }

    private SlaRecord StartSla(ActivityExecutionContext context)
    {
        var grade = ParseGrade(context.Evaluate("grade"));
        var categoryText = context.EvaluateText("category");
        if (string.IsNullOrWhiteSpace(categoryText))
        {
            categoryText = context.Instance.DefinitionId;
        }

        IncidentCategory? category = null;
        if (IncidentCategoryKeys.TryParse(categoryText, out var parsed))
        {
            category = parsed;
        }
        else if (!string.Equals(categoryText.Trim(), Unknown, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(categoryText.Trim(), "triage", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Emergency.ResponseSla needs a category: '{categoryText}' is not one of {IncidentCategoryKeys.PersonnelSafety}, " +
                $"{IncidentCategoryKeys.ServiceInterruption}, {IncidentCategoryKeys.ComplaintDispute} or {Unknown} (in triage).");
        }

        var sla = SlaRecord.Start(context.Now, targets, grade, category);
        IncidentRecord.WriteSla(context, sla);

        var policyId = context.EvaluateText("policyId");
        var policy = string.IsNullOrWhiteSpace(policyId)
            ? directory.FindPolicy($"grade-{(int)grade}") ?? directory.FindPolicy("default")
            : directory.FindPolicy(policyId) ?? throw new InvalidOperationException($"No escalation policy '{policyId}' exists.");
        if (policy is null)
        {
            logger.LogWarning("Incident {InstanceId} (grade {Grade}) has no escalation policy: neither 'grade-{Grade}' nor 'default' exists",
                context.Instance.Id, (int)grade, (int)grade);
        }
        else
        {
            IncidentRecord.WritePolicy(context, PolicySnapshot.Take(policy, context.Now));
        }

        IncidentRecord.WriteIncident(context, new JsonObject
        {
            ["grade"] = (int)grade,
            ["category"] = category?.ToKey() ?? Unknown,
            ["policyId"] = policy?.Id,
            ["policyVersion"] = policy?.Version,
        });
        logger.LogInformation("Response SLA of incident {InstanceId} started: grade {Grade}, {Category}, deadline {Deadline}",
            context.Instance.Id, (int)grade, category?.ToKey() ?? Unknown, sla.Deadline);
        return sla;
    }

    private static IncidentGrade ParseGrade(JsonNode? value)
    {
        var text = value?.ToString()?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            // Grading happens after activation (plan §3.2); until then the report is treated as the most serious.
            return IncidentGrade.Level1;
        }

        if (text.StartsWith("level", StringComparison.OrdinalIgnoreCase))
        {
            text = text[5..];
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3
            ? (IncidentGrade)n
            : throw new InvalidOperationException($"Emergency.ResponseSla: grade '{value}' is not 1, 2 or 3.");
    }
}
