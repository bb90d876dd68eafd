using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Expressions;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Runtime.Tests.Execution;

/// <summary>The pure executor with the real expression evaluator, a fake clock and captured WriteLine output.</summary>
public sealed class EngineHarness
{
    public EngineHarness()
    {
        Executor = new WorkflowExecutor(Registry, Evaluator, Time, Lines);
        Validator = new WorkflowDefinitionValidator(Registry, Evaluator);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
    public CapturingLineWriter Lines { get; } = new();
    public ActivityRegistry Registry { get; } = ActivityRegistry.CreateDefault();
    public ExpressionEvaluator Evaluator { get; } = new();
    public WorkflowExecutor Executor { get; }
    public WorkflowDefinitionValidator Validator { get; }

    public static WorkflowDefinition Load(string path) => WorkflowDefinitionReader.Read(File.ReadAllBytes(path));

    public BurstResult Start(WorkflowDefinition definition, JsonObject? input = null, string? correlationId = null) =>
        Executor.Start(definition, new StartWorkflowOptions(Input: input, CorrelationId: correlationId));

    public BurstResult Resume(WorkflowDefinition definition, WorkflowInstance instance, Bookmark bookmark, JsonObject? input = null) =>
        Executor.Resume(definition, instance, bookmark.Id, input);

    public IReadOnlyList<string> LinesOf(WorkflowInstance instance) => Lines.LinesOf(instance.Id);

    /// <summary>Resumes every pending bookmark, advancing the clock to timers' due times, until none is left (max rounds).</summary>
    public WorkflowInstance ResumeUntilDone(WorkflowDefinition definition, WorkflowInstance instance, int maxRounds = 20)
    {
        for (var round = 0; round < maxRounds && !instance.IsFinished && instance.Bookmarks.Count > 0; round++)
        {
            var bookmark = instance.Bookmarks[0];
            if (bookmark.DueAt is { } due && due > Time.GetUtcNow())
            {
                Time.SetUtcNow(due);
            }

            instance = Resume(definition, instance, bookmark).Instance;
        }

        return instance;
    }
}
