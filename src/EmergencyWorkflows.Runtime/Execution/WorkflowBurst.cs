using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// One burst (§2.1): a FIFO queue drained until empty, over one mutable copy of the instance. Holds the decoded
/// engine state while it runs and writes it back into the instance at the end.
/// </summary>
internal sealed class WorkflowBurst
{
    private readonly LinkedList<QueueItem> queue = new();
    private readonly List<OutboxMessage> outbox = [];
    private readonly HashSet<string> createdBookmarkIds = new(StringComparer.Ordinal);
    private readonly IExpressionEvaluator evaluator;
    private readonly IWorkflowLineWriter lineWriter;
    private readonly ILogger logger;
    private string? triggerActivityId;
    private bool finished;
    private bool cancelled;
    private bool faulted;
    private bool rootCompleted;
    private Dictionary<string, JsonNode?>? runInput;
    private List<VariableDefinition>? variablesInScope;

    public WorkflowBurst(
        ExecutionPlan plan,
        WorkflowInstance instance,
        IExpressionEvaluator evaluator,
        IWorkflowLineWriter lineWriter,
        TimeProvider time,
        ILogger logger,
        string? triggerActivityId = null)
    {
        Plan = plan;
        Instance = instance;
        this.evaluator = evaluator;
        this.lineWriter = lineWriter;
        this.logger = logger;
        this.triggerActivityId = triggerActivityId;
        Now = time.GetUtcNow();
        State = EngineState.Read(instance.ExecutionState);
    }

    public ExecutionPlan Plan { get; }
    public WorkflowInstance Instance { get; }
    public EngineState State { get; }
    public DateTimeOffset Now { get; }

    public IReadOnlyDictionary<string, JsonNode?> RunInput
    {
        get
        {
            if (runInput is null)
            {
                runInput = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in Instance.Input)
                {
                    runInput.TryAdd(key, value);
                }
            }

            return runInput;
        }
    }

    public IReadOnlyList<VariableDefinition> VariablesInScope
    {
        get
        {
            if (variablesInScope is null)
            {
                variablesInScope = [.. Plan.Definition.Variables];
                foreach (var name in State.DynamicVariables)
                {
                    variablesInScope.Add(new VariableDefinition(name, name, "Object", false, null, null));
                }
            }

            return variablesInScope;
        }
    }

    public void Enqueue(QueueItem item) => queue.AddLast(item);

    public void ScheduleRoot() => Enqueue(new QueueItem(Plan.Definition.Root.Id, null, false));

    public void Resume(Bookmark bookmark, JsonObject? input)
    {
        if (input is not null)
        {
            foreach (var (key, value) in input)
            {
                Instance.Input[key] = value?.DeepClone();
            }

            runInput = null;
        }

        Enqueue(new QueueItem(bookmark.ActivityId, null, false, bookmark.ActivityInstanceId, bookmark));
    }

    public void Cancel()
    {
        foreach (var root in State.Contexts.Where(c => c.ParentId is null).ToList())
        {
            CancelContext(root);
        }

        State.Contexts.Clear();
        Instance.Bookmarks.Clear();
        queue.Clear();
        cancelled = true;
    }

    /// <summary>Pops work items until the queue is empty, a Finish ran, or the instance was canceled.</summary>
    public void Drain()
    {
        Instance.SubStatus = WorkflowSubStatus.Executing;
        while (queue.First is { } first && !finished && !cancelled)
        {
            queue.RemoveFirst();
            var item = first.Value;
            if (item.ResumeContextId is { } resumeId)
            {
                var existing = State.Find(resumeId);
                if (existing is null || existing.Status != ActivityStatus.Running)
                {
                    continue;
                }

                var resumed = ContextFor(existing);
                Invoke(resumed, static (ctx, b) => ctx.Activity.OnResume(ctx, b!), item.Bookmark, autoComplete: false);
                continue;
            }

            if (item.OwnerContextId is { } owner && State.Find(owner) is not { Status: ActivityStatus.Running })
            {
                continue;
            }

            var state = new ContextState
            {
                Id = State.NextContextId(),
                ActivityId = item.ActivityId,
                ParentId = item.OwnerContextId,
                Backward = item.Backward,
            };
            State.Contexts.Add(state);
            var context = ContextFor(state);
            Invoke<object>(context, static (ctx, _) => ctx.Activity.Execute(ctx), null, context.Activity.AutoComplete);
        }
    }

    public BurstResult Finish()
    {
        if (cancelled)
        {
            SetFinished(WorkflowSubStatus.Cancelled);
        }
        else if (faulted)
        {
            SetFinished(WorkflowSubStatus.Faulted);
        }
        else if (finished || rootCompleted)
        {
            SetFinished(WorkflowSubStatus.Finished);
        }
        else
        {
            Instance.Status = WorkflowStatus.Running;
            Instance.SubStatus = WorkflowSubStatus.Suspended;
        }

        Instance.UpdatedAt = Now;
        Instance.ExecutionState = State.Write();
        var created = Instance.Bookmarks.Where(b => createdBookmarkIds.Contains(b.Id)).ToList();
        return new BurstResult(Instance, outbox, created);
    }

    internal bool ConsumeTrigger(ActivityExecutionContext context)
    {
        if (triggerActivityId is not null && context.Node.Id == triggerActivityId)
        {
            triggerActivityId = null;
            return true;
        }

        return false;
    }

    internal string? TriggerActivityId => triggerActivityId;

    public JsonNode? EvaluateInput(ActivityNode node, ActivityInputDescriptor input, ICollection<string>? scriptOutcomes)
    {
        var spec = Plan.Input(node, input.Name);
        return spec.Presence switch
        {
            InputPresence.Absent => input.DefaultValue?.DeepClone(),
            InputPresence.Null => null,
            _ => EngineConvert.Convert(EvaluateExpression(spec.Expression!, scriptOutcomes), input.TypeName),
        };
    }

    public JsonNode? EvaluateExpression(ExpressionSpec expression, ICollection<string>? scriptOutcomes)
    {
        if (expression.Type == "Literal")
        {
            // The common case needs no evaluator round trip; a copy keeps the cached spec detached.
            return expression.Value?.DeepClone();
        }

        return evaluator.Evaluate(expression, new WorkflowExpressionContext(this, scriptOutcomes));
    }

    public void SetOutput(ActivityNode node, string outputName, JsonNode? value)
    {
        var registerName = outputName.Length > 0 ? char.ToUpperInvariant(outputName[0]) + outputName[1..] : outputName;
        if (State.Register[node.Id] is not JsonObject outputs)
        {
            State.Register[node.Id] = outputs = [];
        }

        outputs[registerName] = value?.DeepClone();
        if (registerName == "Result")
        {
            State.LastResult = value?.DeepClone();
        }

        if (node.OutputBinding(outputName) is not { } target)
        {
            return;
        }

        if (Plan.VariablesById.TryGetValue(target, out var variable))
        {
            Instance.Variables[variable.Id] = EngineConvert.Convert(value, variable.IsArray ? "Object" : variable.TypeName);
        }
        else if (Plan.Definition.Outputs.Any(o => o.Name == target))
        {
            Instance.Output[target] = value?.DeepClone();
        }
        else
        {
            Instance.Variables[target] = value?.DeepClone();
        }
    }

    public JsonNode? GetOutput(string activityIdOrName, string? outputName)
    {
        var id = Plan.Nodes.ContainsKey(activityIdOrName) ? activityIdOrName
            : Plan.ByName.TryGetValue(activityIdOrName, out var byName) ? byName.Id : activityIdOrName;
        var name = string.IsNullOrEmpty(outputName) ? "Result" : char.ToUpperInvariant(outputName[0]) + outputName[1..];
        return (State.Register[id] as JsonObject)?[name];
    }

    public JsonNode? GetRunInput(string key) => RunInput.TryGetValue(key, out var value) ? value : null;

    public JsonNode? GetVariableByName(string name) =>
        Plan.VariablesByName.TryGetValue(name, out var variable) ? Instance.Variables[variable.Id] : Instance.Variables[name];

    public void SetVariableById(string id, JsonNode? value)
    {
        if (Plan.VariablesById.TryGetValue(id, out var variable))
        {
            Instance.Variables[id] = EngineConvert.Convert(value, variable.IsArray ? "Object" : variable.TypeName);
        }
        else
        {
            Instance.Variables[id] = value?.DeepClone();
        }
    }

    public void SetVariableByName(string name, JsonNode? value)
    {
        if (Plan.VariablesByName.TryGetValue(name, out var variable))
        {
            SetVariableById(variable.Id, value);
            return;
        }

        if (!State.DynamicVariables.Contains(name))
        {
            State.DynamicVariables.Add(name);
            variablesInScope = null;
        }

        Instance.Variables[name] = value?.DeepClone();
    }

    public Bookmark CreateBookmark(ActivityExecutionContext context, string name, string? key, JsonObject payload, DateTimeOffset? dueAt)
    {
        var bookmark = new Bookmark
        {
            Id = ScopedIds.New(Instance.Id),
            Name = name,
            Key = key,
            Payload = payload,
            ActivityId = context.Node.Id,
            ActivityNodeId = context.Node.NodeId,
            ActivityInstanceId = context.Id,
            CreatedAt = Now,
            DueAt = dueAt,
        };
        Instance.Bookmarks.Add(bookmark);
        createdBookmarkIds.Add(bookmark.Id);
        return bookmark;
    }

    public void AddOutbox(string kind, JsonObject payload, string? messageId = null) =>
        outbox.Add(new OutboxMessage(messageId ?? Guid.NewGuid().ToString("N"), Instance.Id, kind, payload, Now));

    public void WriteLine(string text) => lineWriter.WriteLine(Instance.Id, text);

    public void FinishWorkflow()
    {
        queue.Clear();
        State.Contexts.Clear();
        Instance.Bookmarks.Clear();
        finished = true;
    }

    public void Complete(ActivityExecutionContext context, IReadOnlyList<string?> outcomes)
    {
        var state = context.State;
        if (state.Status != ActivityStatus.Running || finished)
        {
            return;
        }

        state.Status = ActivityStatus.Completed;
        CancelChildren(state);
        RemoveBookmarks(state.Id);
        State.Contexts.Remove(state);
        if (state.ParentId is null)
        {
            rootCompleted = true;
            return;
        }

        if (State.Find(state.ParentId) is not { Status: ActivityStatus.Running } parent)
        {
            return;
        }

        var parentContext = ContextFor(parent);
        var child = new CompletedChild(context.Node, outcomes, state.Backward);
        Invoke(parentContext, static (ctx, c) => ctx.Activity.OnChildCompleted(ctx, c!), child, autoComplete: false);
    }

    /// <summary>Cancels a context and everything below it: bookmarks, queued work and child contexts are removed.</summary>
    public void CancelContext(ContextState state)
    {
        CancelChildren(state);
        state.Status = ActivityStatus.Canceled;
        RemoveBookmarks(state.Id);
        RemoveQueued(state.Id);
        State.Contexts.Remove(state);
    }

    /// <summary>True when a flowchart still has work: a running or faulted child, or a queued item it owns.</summary>
    public bool HasPendingWork(ContextState flowchart)
    {
        foreach (var c in State.Contexts)
        {
            if (c.ParentId == flowchart.Id)
            {
                return true;
            }
        }

        foreach (var item in queue)
        {
            if (item.OwnerContextId == flowchart.Id)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsQueued(ContextState owner, string activityId)
    {
        foreach (var item in queue)
        {
            if (item.OwnerContextId == owner.Id && item.ActivityId == activityId && item.ResumeContextId is null)
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<ContextState> ChildrenOf(ContextState parent) => State.Contexts.Where(c => c.ParentId == parent.Id);

    private void CancelChildren(ContextState state)
    {
        foreach (var child in State.Contexts.Where(c => c.ParentId == state.Id).ToList())
        {
            CancelContext(child);
        }

        RemoveQueued(state.Id);
    }

    private void RemoveQueued(string contextId)
    {
        var node = queue.First;
        while (node is not null)
        {
            var next = node.Next;
            if (node.Value.OwnerContextId == contextId || node.Value.ResumeContextId == contextId)
            {
                queue.Remove(node);
            }

            node = next;
        }
    }

    private void RemoveBookmarks(string contextId) => Instance.Bookmarks.RemoveAll(b => b.ActivityInstanceId == contextId);

    private ActivityExecutionContext ContextFor(ContextState state) =>
        new(this, state, Plan.Node(state.ActivityId), Plan.ActivityOf(state.ActivityId));

    private void Invoke<T>(ActivityExecutionContext context, Action<ActivityExecutionContext, T?> action, T? argument, bool autoComplete)
    {
        try
        {
            action(context, argument);
            if (autoComplete && context.IsRunning && !context.CreatedBookmark && !context.ScheduledChild)
            {
                context.Complete();
            }
        }
#pragma warning disable CA1031 // Any exception an activity throws is a fault of that activity (§2.7), recorded as an incident.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fault(context, ex);
        }
    }

    private void Fault(ActivityExecutionContext context, Exception exception)
    {
        var state = context.State;
        if (state.Status != ActivityStatus.Running)
        {
            return;
        }

        CancelChildren(state);
        state.Status = ActivityStatus.Faulted;
        RemoveBookmarks(state.Id);
        Instance.Incidents.Add(new Incident(context.Node.Id, context.Node.NodeId, context.Node.Type, exception.Message,
            exception.GetType().FullName, Now));
        if (!Plan.Definition.ContinueWithIncidents)
        {
            faulted = true;
        }

        logger.LogWarning("Activity {ActivityType} {ActivityId} of instance {InstanceId} faulted: {FaultMessage}",
            context.Node.Type, context.Node.Id, Instance.Id, exception.Message);
    }

    private void SetFinished(WorkflowSubStatus subStatus)
    {
        Instance.Status = WorkflowStatus.Finished;
        Instance.SubStatus = subStatus;
        Instance.FinishedAt = Now;
        Instance.Bookmarks.Clear();
        State.Contexts.Clear();
        queue.Clear();
    }
}
