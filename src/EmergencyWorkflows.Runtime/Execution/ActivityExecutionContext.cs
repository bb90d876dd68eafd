using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// One activity's view of the running burst: evaluate its inputs, set outputs, complete with outcomes, create
/// bookmarks, schedule children, emit outbox messages. Short-lived; the durable part is <see cref="ContextState"/>.
/// </summary>
public sealed class ActivityExecutionContext
{
    private static readonly string?[] DefaultOutcomes = [null, "Done"];

    internal ActivityExecutionContext(WorkflowBurst burst, ContextState state, ActivityNode node, Activity activity)
    {
        Burst = burst;
        State = state;
        Node = node;
        Activity = activity;
    }

    public string Id => State.Id;
    public ActivityNode Node { get; }
    public Activity Activity { get; }
    public WorkflowDefinition Definition => Burst.Plan.Definition;
    public WorkflowInstance Instance => Burst.Instance;
    public DateTimeOffset Now => Burst.Now;

    /// <summary>True while the activity has neither completed nor faulted.</summary>
    public bool IsRunning => State.Status == ActivityStatus.Running;

    /// <summary>True when this activity is the trigger that started this run (§3.3): it completes at once.</summary>
    public bool IsTriggerOfThisRun => Burst.ConsumeTrigger(this);

    /// <summary>Activity-specific persisted state.</summary>
    public JsonObject Properties => State.Properties ??= [];

    internal WorkflowBurst Burst { get; }
    internal ContextState State { get; }
    internal bool CreatedBookmark { get; private set; }
    internal bool ScheduledChild { get; private set; }

    /// <summary>Evaluates an input declared by the activity's descriptor and converts it to the declared type.</summary>
    public JsonNode? Evaluate(string inputName, ICollection<string>? scriptOutcomes = null)
    {
        var input = Activity.Descriptor.FindInput(inputName)
            ?? throw new InvalidOperationException($"{Node.Type} declares no input '{inputName}'.");
        return Burst.EvaluateInput(Node, input, scriptOutcomes);
    }

    public bool EvaluateBoolean(string inputName) => EngineConvert.ToBoolean(Evaluate(inputName));

    public string? EvaluateText(string inputName) => EngineConvert.ToText(Evaluate(inputName));

    public TimeSpan? EvaluateTimeSpan(string inputName) => EngineConvert.ToTimeSpan(Evaluate(inputName));

    public DateTimeOffset? EvaluateDateTimeOffset(string inputName) => EngineConvert.ToDateTimeOffset(Evaluate(inputName));

    public IReadOnlyList<string> EvaluateStringList(string inputName) => EngineConvert.ToStringList(Evaluate(inputName));

    /// <summary>Evaluates an expression that is not a declared input (e.g. a FlowSwitch case condition).</summary>
    public JsonNode? EvaluateExpression(ExpressionSpec expression) => Burst.EvaluateExpression(expression, null);

    /// <summary>Records an output (register, last result) and writes it through the node's binding, if any.</summary>
    public void SetOutput(string outputName, JsonNode? value) => Burst.SetOutput(Node, outputName, value);

    /// <summary>Workflow run input by key (case-insensitive).</summary>
    public JsonNode? GetRunInput(string key) => Burst.GetRunInput(key);

    public void SetVariableById(string variableId, JsonNode? value) => Burst.SetVariableById(variableId, value);

    public void SetVariableByName(string name, JsonNode? value) => Burst.SetVariableByName(name, value);

    /// <summary>Completes with the default outcomes <c>[null, "Done"]</c>.</summary>
    public void Complete() => Burst.Complete(this, DefaultOutcomes);

    /// <summary>Completes with explicit outcomes; an empty list means the default outcomes.</summary>
    public void Complete(IReadOnlyList<string?> outcomes) =>
        Burst.Complete(this, outcomes.Count == 0 ? DefaultOutcomes : outcomes);

    public Bookmark CreateBookmark(string name, string? key, JsonObject payload, DateTimeOffset? dueAt = null)
    {
        CreatedBookmark = true;
        return Burst.CreateBookmark(this, name, key, payload, dueAt);
    }

    public void ScheduleChild(ActivityNode child)
    {
        ScheduledChild = true;
        Burst.Enqueue(new QueueItem(child.Id, State.Id, Backward: false));
    }

    internal void ScheduleFlowchartChild(ActivityNode child, bool backward) =>
        Burst.Enqueue(new QueueItem(child.Id, State.Id, backward));

    public void AddOutboxMessage(string kind, JsonObject payload) => Burst.AddOutbox(kind, payload);

    /// <summary>Emits a message under a caller-chosen id (a dedup key): the id must be unique across the whole outbox.</summary>
    public void AddOutboxMessage(string kind, JsonObject payload, string messageId) => Burst.AddOutbox(kind, payload, messageId);

    public void WriteLine(string text) => Burst.WriteLine(text);

    /// <summary><c>Elsa.Finish</c>: clears the queue, callbacks and bookmarks and finishes the instance at once.</summary>
    public void FinishWorkflow() => Burst.FinishWorkflow();

    /// <summary>A new unguessable id that names this instance (see <see cref="ScopedIds"/>), e.g. a task id.</summary>
    public string NewId() => ScopedIds.New(Instance.Id);
}
