using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.StartAt</c>: waits until <c>dateTime</c>; an instant in the past (or none) completes at once.</summary>
public sealed class StartAt : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.StartAt",
        Category = "Scheduling",
        DisplayName = "Start At",
        Description = "Trigger execution at a specific time in the future.",
        Kind = ActivityKind.Trigger,
        Inputs = [new("dateTime", "DateTimeOffset", DisplayName: "Date time")],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            return;
        }

        var executeAt = context.EvaluateDateTimeOffset("dateTime");
        if (executeAt is null || executeAt <= context.Now)
        {
            return;
        }

        context.CreateBookmark(BookmarkNames.StartAt, null, new JsonObject { ["executeAt"] = executeAt.Value }, executeAt);
    }
}
