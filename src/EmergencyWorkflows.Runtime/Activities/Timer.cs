using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.Timer</c>: as trigger, recurring starts; inside a flow, waits one <c>interval</c> (default 1 min).</summary>
public sealed class Timer : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Timer",
        Category = "Scheduling",
        DisplayName = "Timer",
        Description = "Trigger workflow execution at a specific interval.",
        Kind = ActivityKind.Trigger,
        Inputs = [new("interval", "TimeSpan", JsonValue.Create("00:01:00"), "Interval")],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            return;
        }

        var interval = context.EvaluateTimeSpan("interval") ?? TimeSpan.Zero;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var resumeAt = context.Now + interval;
        context.CreateBookmark(BookmarkNames.Timer, null, new JsonObject { ["resumeAt"] = resumeAt }, resumeAt);
    }
}
