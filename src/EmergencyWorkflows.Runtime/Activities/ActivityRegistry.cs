using System.Collections.Concurrent;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>
/// Type name → activity, registered explicitly (no assembly scanning). Unknown names resolve to a
/// <see cref="NotFoundActivity"/> placeholder that faults when executed.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, Activity> activities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NotFoundActivity> unknown = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        foreach (var activity in activities)
        {
            this.activities[activity.Descriptor.TypeName] = activity;
        }
    }

    /// <summary>The built-in Elsa activities this runtime executes.</summary>
    public static ActivityRegistry CreateDefault() => new(BuiltIn());

    public static IEnumerable<Activity> BuiltIn() =>
    [
        new Flowchart(), new Start(), new End(), new Finish(), new Break(), new Complete(), new WriteLine(),
        new SetVariable(), new SetOutput(), new SetName(), new Correlate(), new Fault(), new FlowDecision(),
        new FlowSwitch(), new FlowFork(), new FlowJoin(), new FlowNode(), new If(), new RunJavaScript(),
        new Event(), new PublishEvent(), new RunTask(), new Delay(), new Timer(), new StartAt(), new Cron(),
    ];

    public IReadOnlyCollection<Activity> Activities => activities.Values;

    public bool IsKnown(string typeName) => activities.ContainsKey(typeName);

    public Activity Resolve(string typeName) =>
        activities.TryGetValue(typeName, out var activity)
            ? activity
            : unknown.GetOrAdd(typeName, static name => new NotFoundActivity(name));
}
