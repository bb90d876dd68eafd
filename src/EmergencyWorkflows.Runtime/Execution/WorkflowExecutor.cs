using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// Runs bursts of a definition over an instance, in memory, with no storage: start, resume a bookmark, cancel.
/// Every call works on a copy of the instance and returns it with the burst's outbox messages; the caller commits.
/// Thread-safe: it holds no per-run state.
/// </summary>
public sealed class WorkflowExecutor(
    ActivityRegistry registry,
    IExpressionEvaluator evaluator,
    TimeProvider time,
    IWorkflowLineWriter lineWriter,
    ILogger<WorkflowExecutor>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<WorkflowExecutor>.Instance;

    public ActivityRegistry Registry => registry;

    public BurstResult Start(WorkflowDefinition definition, StartWorkflowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        options ??= new StartWorkflowOptions();
        var now = time.GetUtcNow();
        var plan = ExecutionPlan.For(definition, registry);
        var instance = new WorkflowInstance
        {
            Id = options.InstanceId ?? Guid.NewGuid().ToString("N"),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = options.CorrelationId,
            Name = options.Name,
            Input = options.Input is null ? [] : (JsonObject)options.Input.DeepClone(),
            CreatedAt = now,
            UpdatedAt = now,
        };

        foreach (var variable in definition.Variables)
        {
            instance.Variables[variable.Id] = EngineConvert.ParseVariableDefault(variable);
        }

        var burst = new WorkflowBurst(plan, instance, evaluator, lineWriter, time, logger, options.TriggerActivityId);
        burst.ScheduleRoot();
        burst.Drain();
        var result = burst.Finish();
        logger.LogDebug("Started instance {InstanceId} of {DefinitionId}: {SubStatus}", instance.Id, definition.DefinitionId, instance.SubStatus);
        return result;
    }

    /// <summary>Resumes one pending bookmark; <paramref name="input"/> is merged into the run input first.</summary>
    /// <exception cref="BookmarkNotFoundException">The instance has no such pending bookmark.</exception>
    public BurstResult Resume(WorkflowDefinition definition, WorkflowInstance instance, string bookmarkId, JsonObject? input = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(instance);
        var copy = instance.Clone();
        var bookmark = copy.IsFinished ? null : copy.Bookmarks.Find(b => b.Id == bookmarkId);
        if (bookmark is null)
        {
            throw new BookmarkNotFoundException(instance.Id, bookmarkId);
        }

        copy.Bookmarks.Remove(bookmark);
        var burst = new WorkflowBurst(ExecutionPlan.For(definition, registry), copy, evaluator, lineWriter, time, logger);
        burst.Resume(bookmark, input);
        burst.Drain();
        return burst.Finish();
    }

    /// <summary>Cancels a running instance (§2.8); a finished instance is returned unchanged.</summary>
    public BurstResult Cancel(WorkflowDefinition definition, WorkflowInstance instance)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(instance);
        var copy = instance.Clone();
        if (copy.IsFinished)
        {
            return new BurstResult(copy, [], []);
        }

        var burst = new WorkflowBurst(ExecutionPlan.For(definition, registry), copy, evaluator, lineWriter, time, logger);
        burst.Cancel();
        return burst.Finish();
    }
}
