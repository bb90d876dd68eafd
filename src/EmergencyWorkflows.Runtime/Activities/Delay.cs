using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.Delay</c>: waits <c>timeSpan</c> (timer bookmark <c>Elsa.Delay</c>); zero or negative completes at once.</summary>
public sealed class Delay : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Delay",
        Category = "Scheduling",
        DisplayName = "Delay",
        Description = "Delay execution for the specified amount of time.",
        Inputs = [new("timeSpan", "TimeSpan", DisplayName: "Time span")],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        var delay = context.EvaluateTimeSpan("timeSpan") ?? TimeSpan.Zero;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        var resumeAt = context.Now + delay;
        context.CreateBookmark(BookmarkNames.Delay, null, new JsonObject { ["resumeAt"] = resumeAt }, resumeAt);
    }
}
