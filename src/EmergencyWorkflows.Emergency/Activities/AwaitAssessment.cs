using System.Globalization;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// <c>Emergency.AwaitAssessment</c>: waits until the incident is assessed and graded (plan §3.2:
/// <c>POST /api/incidents/{id}/assessment</c> records it, then wakes this step). The grade becomes the output
/// <c>grade</c>, the workflow variable <c>Grade</c> and the incident's grade on the instance, so that what follows
/// (task deadlines by grade, the overdue escalation policy, the announcement rule) uses it. An assessment recorded
/// before the step is reached completes it at once.
/// </summary>
public sealed class AwaitAssessment(IIncidentFacts? facts = null) : Activity
{
    /// <summary>Run-input key a caller without an incident record (engine API, tests) may pass the assessment under: {grade, ...}.</summary>
    public const string InputKey = "EmergencyAssessment";

    public const string GradeVariable = "Grade";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Emergency.AwaitAssessment",
        Category = "Emergency",
        DisplayName = "Await assessment",
        Description = "Waits until the emergency team records the assessment and grade (on-site inspection, data, employee " +
            "feedback). The grade (1 major, 2 serious, 3 general) is the output 'grade' and the variable 'Grade'; it selects " +
            "the task deadlines and escalation policy of the steps that follow.",
        Inputs =
        [
            new("variable", "String", JsonValue.Create(GradeVariable), "Grade variable",
                "The workflow variable that receives the grade (for expressions in later steps).", "singleline"),
        ],
        Outputs = [new("grade", "Int32"), new("assessment", "Object")],
        Outcomes = ["Done"],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TryComplete(context))
        {
            Wait(context);
        }
    }

    public override void OnResume(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TryComplete(context))
        {
            Wait(context);
        }
    }

    private bool TryComplete(ActivityExecutionContext context)
    {
        var (grade, assessment) = Read(context);
        if (grade is not { } g)
        {
            return false;
        }

        IncidentRecord.SetGrade(context, g, assessed: true);
        if (context.EvaluateText("variable") is { Length: > 0 } variable && variable != GradeVariable)
        {
            context.SetVariableByName(variable.Trim(), g);
        }

        context.SetOutput("grade", g);
        context.SetOutput("assessment", assessment);
        context.Complete();
        return true;
    }

    private (int? Grade, JsonNode? Assessment) Read(ActivityExecutionContext context)
    {
        if (context.GetRunInput(InputKey) is JsonObject given && ParseGrade(given["grade"]) is { } inputGrade)
        {
            return (inputGrade, given.DeepClone());
        }

        var found = facts?.Find(IncidentRecord.IncidentIdOf(context.Instance));
        if (found?.Grade is not { } grade)
        {
            return (null, null);
        }

        var assessment = found.Assessment is { Length: > 0 } text ? JsonNode.Parse(text) : new JsonObject { ["grade"] = grade };
        return (grade, assessment);
    }

    private static int? ParseGrade(JsonNode? node) =>
        int.TryParse(node?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3 ? n : null;

    private static void Wait(ActivityExecutionContext context) =>
        context.CreateBookmark(EmergencyBookmarks.IncidentSignal, context.Instance.Id, new JsonObject { ["signal"] = "Assessed" });
}
