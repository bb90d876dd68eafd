using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>
/// One activity type. Instances are stateless singletons shared by every run: all run state lives in the
/// <see cref="ActivityExecutionContext"/> (and through it, in the workflow instance).
/// </summary>
public abstract class Activity
{
    public abstract ActivityDescriptor Descriptor { get; }

    /// <summary>
    /// Code activities complete on their own after <see cref="Execute"/> unless they created a bookmark, scheduled a
    /// child or completed/faulted explicitly (§2.1). Containers return false.
    /// </summary>
    public virtual bool AutoComplete => true;

    public abstract void Execute(ActivityExecutionContext context);

    /// <summary>Called when one of this activity's bookmarks is resumed; the bookmark is already burnt. Default: complete (Done).</summary>
    public virtual void OnResume(ActivityExecutionContext context, Bookmark bookmark) => context.Complete();

    /// <summary>Called when a child scheduled by this activity completed. Default: complete (Done).</summary>
    public virtual void OnChildCompleted(ActivityExecutionContext context, CompletedChild child) => context.Complete();

    /// <summary>Outcomes that depend on the node's JSON (switch labels, fork branches, script outcomes).</summary>
    public virtual IEnumerable<string> DynamicOutcomes(ActivityNode node) => [];

    /// <summary>
    /// What in the node's fixed input values (<see cref="InputSpec.TryGetFixedValue"/>) would fail when it runs, found
    /// before publishing: one sentence per problem, naming the input. Default: nothing beyond the expression checks.
    /// </summary>
    public virtual IEnumerable<string> Check(ActivityNode node) => [];
}
