using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>
/// <c>Elsa.Event</c>: waits for the named event (bookmark <c>Elsa.Event</c>, key = event name). On resume, or when it
/// is the trigger of this run, its result is the event payload (run input <c>__EventPayloadWorkflowInput</c>).
/// </summary>
public sealed class Event : Activity
{
    public const string PayloadInputKey = "__EventPayloadWorkflowInput";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Event",
        Category = "Primitives",
        DisplayName = "Event",
        Description = "Wait for an event to be published.",
        Kind = ActivityKind.Trigger,
        Inputs = [new("eventName", "String", DisplayName: "Event name")],
        Outputs = [new("result", "Object")],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            context.SetOutput("result", context.GetRunInput(PayloadInputKey));
            context.Complete();
            return;
        }

        var eventName = context.EvaluateText("eventName");
        if (string.IsNullOrWhiteSpace(eventName))
        {
            throw new InvalidOperationException("Event has no event name.");
        }

        context.CreateBookmark(BookmarkNames.Event, eventName, new JsonObject { ["eventName"] = eventName });
    }

    public override void OnResume(ActivityExecutionContext context, Bookmark bookmark)
    {
        context.SetOutput("result", context.GetRunInput(PayloadInputKey));
        context.Complete();
    }
}
