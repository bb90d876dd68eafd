using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Sla;
using EmergencyWorkflows.Emergency.Team;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Expressions;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.Time.Testing;
using EmergencyResponseSla = EmergencyWorkflows.Emergency.Activities.ResponseSla;

namespace EmergencyWorkflows.Emergency.Tests.Scenarios.Escalation;

/// <summary>The pure executor with the built-in and Emergency.* activities, a fake clock and an editable directory.</summary>
internal sealed class EmergencyHarness
{
    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public EmergencyHarness()
    {
        Registry = new ActivityRegistry([
            .. ActivityRegistry.BuiltIn(),
            new EmergencyResponseSla(Directory, Targets),
            new Escalate(Directory, Signer, Links),
            new AwaitResponse(),
            new HumanTask(Directory, Signer, Links, facts: Facts),
            new AwaitAssessment(Facts),
            new AwaitIncident(Facts),
            new SetIncidentStatus(),
        ]);
        Executor = new WorkflowExecutor(Registry, Evaluator, Time, Lines);
        Validator = new WorkflowDefinitionValidator(Registry, Evaluator);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.Zero));
    public EditableDirectory Directory { get; } = new();
    public SlaTargets Targets { get; } = new(new SlaTargetsOptions { DefaultResponse = TimeSpan.FromMinutes(5) });
    public AckLinkSigner Signer { get; } = new(Key);
    public AckLinkOptions Links { get; } = new() { BaseUrl = new Uri("https://ew.example/api/ack"), Lifetime = TimeSpan.FromHours(2) };
    public LineCapture Lines { get; } = new();
    public InMemoryIncidentFacts Facts { get; } = new();
    public ExpressionEvaluator Evaluator { get; } = new();
    public ActivityRegistry Registry { get; }
    public WorkflowExecutor Executor { get; }
    public WorkflowDefinitionValidator Validator { get; }

    public static WorkflowDefinition Load(string name) =>
        WorkflowDefinitionReader.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Scenarios", "Escalation", "Workflows", name)));

    public BurstResult Start(WorkflowDefinition definition, JsonObject? input = null) =>
        Executor.Start(definition, new StartWorkflowOptions(Input: input, CorrelationId: "INC-1"));

    /// <summary>Fires the pending timer of <paramref name="name"/> at its due time (the clock is moved there).</summary>
    public BurstResult FireTimer(WorkflowDefinition definition, WorkflowInstance instance, string name)
    {
        var bookmark = instance.Bookmarks.Single(b => b.Name == name);
        Time.SetUtcNow(bookmark.DueAt!.Value);
        return Executor.Resume(definition, instance, bookmark.Id);
    }

    /// <summary>What the incident API does after a change (assessment, regrade, announcement, status): records the
    /// incident's facts, then wakes every waiting signal bookmark once. Returns the instance and every burst's outbox.</summary>
    public (WorkflowInstance Instance, List<OutboxMessage> Outbox) Record(
        WorkflowDefinition definition, WorkflowInstance instance, string status, int? grade, int announcements = 0)
    {
        Facts.Set(IncidentRecord.IncidentIdOf(instance), new IncidentFacts(status, grade, null, announcements));
        var outbox = new List<OutboxMessage>();
        foreach (var id in instance.Bookmarks.Where(b => b.Name == EmergencyBookmarks.IncidentSignal).Select(b => b.Id).ToList())
        {
            var result = Executor.Resume(definition, instance, id);
            instance = result.Instance;
            outbox.AddRange(result.Outbox);
        }

        return (instance, outbox);
    }

    /// <summary>What the ack/arrive API does: resumes the waiting Emergency.Response bookmark with the response.</summary>
    public BurstResult Respond(WorkflowDefinition definition, WorkflowInstance instance, ResponseKind kind, string by = "lead")
    {
        var bookmark = instance.Bookmarks.Single(b => EmergencyBookmarks.Accepts(b, kind));
        var input = new JsonObject { [EmergencyBookmarks.ResponseInputKey] = new IncidentResponse(kind, by, "on my way", "api").ToJson() };
        return Executor.Resume(definition, instance, bookmark.Id, input);
    }
}

/// <summary>An emergency directory a test can edit between bursts, as HR would through the API.</summary>
internal sealed class EditableDirectory : IEmergencyDirectory
{
    public Roster Roster { get; set; } = new(
    [
        new TeamMember("lead", "Lead", "HR", [TeamRoles.TeamLead], new ContactChannels("13800001111", "lead@example.com")),
        new TeamMember("head-it", "Head IT", "IT", [TeamRoles.DepartmentHead], new ContactChannels(null, "head-it@example.com")),
        new TeamMember("r1", "Responder 1", "IT", [TeamRoles.Responder], new ContactChannels(null, "r1@example.com")),
    ]);

    public IReadOnlyList<Rotation> Rotations { get; set; } = [];

    public IReadOnlyList<EscalationPolicy> Policies { get; set; } = [TwoTiers("grade-1")];

    public EscalationPolicy? FindPolicy(string policyId) => Policies.FirstOrDefault(p => p.Id == policyId);

    /// <summary>Tier 1: the responders at the deadline; tier 2: the team lead 10 minutes later.</summary>
    public static EscalationPolicy TwoTiers(string id, int version = 1) => new(id, "Two tiers", version,
    [
        new EscalationTier(TimeSpan.Zero, [EscalationTarget.Role(TeamRoles.Responder)]),
        new EscalationTier(TimeSpan.FromMinutes(10), [EscalationTarget.Role(TeamRoles.TeamLead)]),
    ]);
}

internal sealed class LineCapture : IWorkflowLineWriter
{
    private readonly List<(string InstanceId, string Text)> lines = [];

    public void WriteLine(string instanceId, string text) => lines.Add((instanceId, text));

    public IReadOnlyList<string> Of(WorkflowInstance instance) => [.. lines.Where(l => l.InstanceId == instance.Id).Select(l => l.Text)];
}

internal static class OutboxExtensions
{
    public static IReadOnlyList<OutboxMessage> Notifications(this BurstResult result) =>
        [.. result.Outbox.Where(m => m.Kind == NotificationOutbox.Kind)];

    public static IEnumerable<string> Recipients(this IEnumerable<OutboxMessage> messages) =>
        messages.Select(m => (string)m.Payload["recipientId"]!).Distinct();

    public static bool HasTimer(this WorkflowInstance instance, string name) =>
        instance.Bookmarks.Any(b => b.Name == name && b.DueAt is not null);

    public static Bookmark Timer(this WorkflowInstance instance, string name) => instance.Bookmarks.Single(b => b.Name == name);
}
