using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;
using EmergencyWorkflows.Runtime.Instances;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>
/// <c>Elsa.RunTask</c>: creates a task id, waits on bookmark <c>Elsa.RunTask</c> (key = task id) and emits a task
/// request; on completion its result is run input <c>RunTaskInput</c>.
/// </summary>
public sealed class RunTask : Activity
{
    public const string ResultInputKey = "RunTaskInput";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.RunTask",
        Category = "Primitives",
        DisplayName = "Run Task",
        Description = "Runs a task by sending a request to an external application and waits for it to complete.",
        Inputs =
        [
            new("taskName", "String", DisplayName: "Task name"),
            new("payload", "ObjectDictionary", DisplayName: "Payload", UiHint: "json-editor"),
        ],
        Outputs = [new("result", "Object")],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        var taskName = context.EvaluateText("taskName") ?? string.Empty;
        var payload = context.Evaluate("payload");
        var taskId = context.NewId();
        context.CreateBookmark(BookmarkNames.RunTask, taskId, new JsonObject { ["taskId"] = taskId, ["taskName"] = taskName });
        context.AddOutboxMessage(OutboxKinds.RunTask, new JsonObject
        {
            ["taskId"] = taskId,
            ["taskName"] = taskName,
            ["taskPayload"] = payload,
            ["workflowInstanceId"] = context.Instance.Id,
            ["workflowDefinitionId"] = context.Instance.DefinitionId,
            ["correlationId"] = context.Instance.CorrelationId,
        });
    }

    public override void OnResume(ActivityExecutionContext context, Bookmark bookmark)
    {
        context.SetOutput("result", context.GetRunInput(ResultInputKey));
        context.Complete();
    }
}
