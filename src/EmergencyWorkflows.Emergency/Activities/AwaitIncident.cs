using System.Text.Json.Nodes;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>
/// <c>Emergency.AwaitIncident</c>: waits until the incident reaches a milestone the people record through the API:
/// an announcement published (plan §3.4), or the incident Resolved, Reviewed or Closed (plan §3.5). Restricted to some
/// grades (e.g. "a Level 1 incident is announced before it is resolved"), other grades pass at once on port
/// <c>NotRequired</c>. A milestone already reached completes it at once.
/// </summary>
public sealed class AwaitIncident(IIncidentFacts? facts = null) : Activity
{
    public const string Reached = "Reached";
    public const string NotRequired = "NotRequired";
    public const string Announced = "Announced";

    public static readonly IReadOnlyList<string> Milestones =
        [Announced, nameof(IncidentStatus.Resolved), nameof(IncidentStatus.Reviewed), nameof(IncidentStatus.Closed)];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Emergency.AwaitIncident",
        Category = "Emergency",
        DisplayName = "Await incident milestone",
        Description = "Waits until the incident reaches a milestone recorded by the team: Announced (an announcement was " +
            "published), Resolved, Reviewed or Closed. For grades not listed it continues at once (NotRequired).",
        Inputs =
        [
            new("milestone", "String", JsonValue.Create(Announced), "Milestone",
                "What to wait for: Announced, Resolved, Reviewed or Closed.", "dropdown", Options: Milestones),
            new("grades", "String[]", null, "Only for grades",
                "The grades (1, 2, 3) this wait applies to; empty means every grade. Other grades continue on NotRequired.",
                "checklist", Options: ["1", "2", "3"]),
        ],
        Outputs = [new("milestone", "String")],
        Outcomes = [Reached, NotRequired],
    };

    public override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var milestone = Milestone(context);
        var grades = context.EvaluateStringList("grades");
        var grade = IncidentRecord.CurrentGrade(context.Instance);
        if (grades.Count > 0 && !grades.Contains(grade?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "1"))
        {
            context.SetOutput("milestone", milestone);
            context.Complete([NotRequired]);
            return;
        }

        if (!TryComplete(context, milestone, resumed: false))
        {
            Wait(context, milestone);
        }
    }

    public override void OnResume(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        var milestone = Milestone(context);
        if (!TryComplete(context, milestone, resumed: true))
        {
            Wait(context, milestone);
        }
    }

    /// <summary>True when the facts show the milestone reached (the incident's status at or past it).</summary>
    public static bool IsReached(IncidentFacts facts, string milestone)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (milestone == Announced)
        {
            return facts.Announcements > 0;
        }

        return Enum.TryParse<IncidentStatus>(facts.Status, out var status) && status != IncidentStatus.Cancelled
            && status >= Enum.Parse<IncidentStatus>(milestone);
    }

    private bool TryComplete(ActivityExecutionContext context, string milestone, bool resumed)
    {
        var found = facts?.Find(IncidentRecord.IncidentIdOf(context.Instance));

        // Without an incident record (an instance started through the engine API) a resume is the signal itself.
        if (found is null ? !resumed : !IsReached(found, milestone))
        {
            return false;
        }

        context.SetOutput("milestone", milestone);
        context.Complete([Reached]);
        return true;
    }

    private static string Milestone(ActivityExecutionContext context)
    {
        var text = context.EvaluateText("milestone");
        if (string.IsNullOrWhiteSpace(text))
        {
            return Announced;
        }

        return Milestones.FirstOrDefault(m => string.Equals(m, text.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Emergency.AwaitIncident: milestone '{text}' is not one of {string.Join(", ", Milestones)}.");
    }

    private static void Wait(ActivityExecutionContext context, string milestone) =>
        context.CreateBookmark(EmergencyBookmarks.IncidentSignal, context.Instance.Id, new JsonObject { ["signal"] = milestone });
}
