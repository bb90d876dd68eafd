using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;
using SlaRecord = EmergencyWorkflows.Emergency.Sla.ResponseSla;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// What an incident's Emergency.* activities leave behind, kept as instance variables so that it is durable with the
/// instance, in the same transaction as the burst that changed it: the response SLA, the incident's grade and
/// category, the escalation policy snapshot, every response (acknowledgement, arrival) and every escalation round sent.
/// </summary>
public static class IncidentRecord
{
    public const string SlaVariable = "EmergencySla";
    public const string IncidentVariable = "EmergencyIncident";
    public const string PolicyVariable = "EmergencyPolicy";
    public const string ResponsesVariable = "EmergencyResponses";
    public const string EscalationVariable = "EmergencyEscalation";

    /// <summary>The actor of what a workflow does by itself on an incident's timeline.</summary>
    public const string WorkflowActor = "workflow";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static SlaRecord? ReadSla(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Variables[SlaVariable] is JsonObject o ? o.Deserialize<SlaRecord>(Json) : null;
    }

    public static PolicySnapshot? ReadPolicy(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Variables[PolicyVariable] is JsonObject o ? PolicySnapshot.FromJson(o.ToJsonString()) : null;
    }

    public static JsonObject? ReadIncident(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Variables[IncidentVariable] as JsonObject;
    }

    public static JsonArray ReadResponses(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Variables[ResponsesVariable] as JsonArray ?? [];
    }

    public static JsonArray ReadEscalation(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Variables[EscalationVariable] as JsonArray ?? [];
    }

    /// <summary>The (tier, repetition) rounds this incident has already sent.</summary>
    public static IReadOnlySet<(int Tier, int Repetition)> SentRounds(WorkflowInstance instance) =>
        ReadEscalation(instance)
            .OfType<JsonObject>()
            .Select(r => ((int)r["tier"]!, (int)r["repetition"]!))
            .ToHashSet();

    /// <summary>True when the awaited kind (or, for null, any kind) of response is already recorded.</summary>
    public static bool HasResponded(WorkflowInstance instance, ResponseKind? kind)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ReadResponses(instance).OfType<JsonObject>().Any(r =>
            kind is null || string.Equals((string?)r["kind"], kind.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The first recorded response, if any (it decides which port a wait for "any" response takes).</summary>
    public static ResponseKind? FirstResponse(WorkflowInstance instance)
    {
        var first = ReadResponses(instance).OfType<JsonObject>().FirstOrDefault();
        return first is not null && Enum.TryParse<ResponseKind>((string?)first["kind"], out var kind) ? kind : null;
    }

    /// <summary>The incident an instance works for: its correlation id (the incident id), else its own id.</summary>
    public static string IncidentIdOf(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return string.IsNullOrEmpty(instance.CorrelationId) ? instance.Id : instance.CorrelationId;
    }

    /// <summary>The grade the instance works with: the assessed one once known, before that the start grade.</summary>
    public static int? CurrentGrade(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ReadIncident(instance)?["grade"] is JsonValue v && v.TryGetValue<int>(out var grade) ? grade : null;
    }

    /// <summary>Records the incident's grade on the instance (variable <c>Grade</c> and the incident record).</summary>
    internal static void SetGrade(ActivityExecutionContext context, int grade, bool assessed)
    {
        var incident = (ReadIncident(context.Instance)?.DeepClone() as JsonObject) ?? [];
        incident["grade"] = grade;
        if (assessed)
        {
            incident["assessed"] = true;
        }

        WriteIncident(context, incident);
        context.SetVariableByName(AwaitAssessment.GradeVariable, grade);
    }

    /// <summary>Start-input key under which a re-categorised incident hands its workflow what the triage workflow recorded
    /// (the variables SLA, incident, policy, responses, escalation): the response already given is not asked for again.</summary>
    public const string CarryOverInputKey = "carryOver";

    /// <summary>The variables a re-categorised incident carries from its triage workflow into the category's.</summary>
    public static JsonObject CarryOver(WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var carried = new JsonObject();
        foreach (var name in new[] { SlaVariable, IncidentVariable, PolicyVariable, ResponsesVariable, EscalationVariable })
        {
            if (instance.Variables[name] is { } value)
            {
                carried[name] = value.DeepClone();
            }
        }

        return carried;
    }

    /// <summary>Takes over the carried variables once (first step of the new workflow that reads the incident record).</summary>
    internal static void ApplyCarryOver(ActivityExecutionContext context)
    {
        if (context.Instance.Variables[SlaVariable] is not null || context.Instance.Input[CarryOverInputKey] is not JsonObject carried)
        {
            return;
        }

        foreach (var (name, value) in carried)
        {
            context.SetVariableByName(name, value?.DeepClone());
        }
    }

    internal static void WriteSla(ActivityExecutionContext context, SlaRecord sla) =>
        context.SetVariableByName(SlaVariable, JsonSerializer.SerializeToNode(sla, Json));

    internal static void WritePolicy(ActivityExecutionContext context, PolicySnapshot snapshot) =>
        context.SetVariableByName(PolicyVariable, JsonNode.Parse(snapshot.ToJson()));

    internal static void WriteIncident(ActivityExecutionContext context, JsonObject incident) =>
        context.SetVariableByName(IncidentVariable, incident);

    /// <summary>Appends the response and moves the SLA (the first acknowledgement and the first arrival count).</summary>
    internal static SlaRecord? Record(ActivityExecutionContext context, IncidentResponse response)
    {
        var entry = response.ToJson();
        entry["at"] = context.Now;
        var responses = ReadResponses(context.Instance);
        responses.Add(entry);
        context.SetVariableByName(ResponsesVariable, responses.DeepClone());

        var sla = ReadSla(context.Instance);
        if (sla is null)
        {
            return null;
        }

        sla = response.Kind == ResponseKind.Acknowledge ? sla.Acknowledge(context.Now) : sla.Arrive(context.Now);
        WriteSla(context, sla);
        return sla;
    }

    internal static void RecordRound(ActivityExecutionContext context, EscalationStep step, int notifications)
    {
        var rounds = ReadEscalation(context.Instance);
        rounds.Add(new JsonObject
        {
            ["tier"] = step.Tier,
            ["repetition"] = step.Repetition,
            ["dueAt"] = step.DueAt,
            ["sentAt"] = context.Now,
            ["recipients"] = new JsonArray([.. step.RecipientIds.Select(id => JsonValue.Create(id))]),
            ["notifications"] = notifications,
        });
        context.SetVariableByName(EscalationVariable, rounds.DeepClone());
    }
}
