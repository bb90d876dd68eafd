using System.Text.Json.Nodes;
using Cronos;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.Cron</c>: waits for the next occurrence of a 6-field (seconds first) cron expression, in UTC.</summary>
public sealed class Cron : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Cron",
        Category = "Scheduling",
        DisplayName = "Cron",
        Description = "Trigger workflow execution at a specific interval using a CRON expression.",
        Kind = ActivityKind.Trigger,
        Inputs = [new("cronExpression", "String", DisplayName: "Cron expression")],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfThisRun)
        {
            return;
        }

        var text = context.EvaluateText("cronExpression");
        var next = NextOccurrence(text, context.Now)
            ?? throw new InvalidOperationException($"Cron expression '{text}' has no next occurrence.");
        context.CreateBookmark(BookmarkNames.Cron, null,
            new JsonObject { ["executeAt"] = next, ["cronExpression"] = text }, next);
    }

    /// <summary>The next occurrence after <paramref name="from"/>; throws a clear error for an invalid expression.</summary>
    public static DateTimeOffset? NextOccurrence(string? expression, DateTimeOffset from)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new InvalidOperationException("Cron has no cron expression.");
        }

        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(expression.Trim(), CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            throw new InvalidOperationException($"Cron expression '{expression}' is not valid (6 fields with seconds expected): {ex.Message}", ex);
        }

        return cron.GetNextOccurrence(from, TimeZoneInfo.Utc);
    }
}
