namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>
/// Proposes a grade from a report by the plan's definitions (§3.2): Level 1 for casualties or major property loss,
/// Level 2 for a serious service interruption or many employees affected, Level 3 otherwise. Words in the
/// situation text count too (in English and in the plan's Chinese), because reporters write before they count.
/// When in doubt it proposes the higher grade: an over-graded incident costs a few minutes, an under-graded one
/// can cost a life.
/// </summary>
public sealed class GradeSuggester(int manyAffectedThreshold = 10)
{
    private static readonly string[] CasualtyWords =
    [
        "injur", "casualt", "dead", "death", "died", "unconscious", "bleeding", "fatal", "ambulance",
        "受伤", "伤亡", "死亡", "昏迷", "流血", "急救", "重伤",
    ];

    private static readonly string[] MajorLossWords =
    [
        "fire", "explosion", "collapse", "flood", "major damage", "major loss",
        "火灾", "起火", "爆炸", "倒塌", "坍塌", "水灾", "重大损失", "财产损失",
    ];

    private static readonly string[] InterruptionWords =
    [
        "outage", "is down", "went down", "unavailable", "interrupt", "cannot log in", "all employees", "whole company",
        "中断", "宕机", "瘫痪", "无法登录", "全员", "全体员工",
    ];

    public GradeSuggestion Suggest(IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = report.InitialSituation ?? string.Empty;
        var level1 = new List<string>();
        if (report.Casualties is > 0)
        {
            level1.Add($"{report.Casualties} casualties reported");
        }

        if (report.MajorPropertyLoss)
        {
            level1.Add("major property loss reported");
        }

        level1.AddRange(Matches(text, CasualtyWords).Select(w => $"the situation mentions '{w}'"));
        level1.AddRange(Matches(text, MajorLossWords).Select(w => $"the situation mentions '{w}'"));
        if (level1.Count > 0)
        {
            return new GradeSuggestion(IncidentGrade.Level1, level1);
        }

        var level2 = new List<string>();
        var affected = Math.Max(report.PeopleAffected, report.PeopleInvolved?.Count ?? 0);
        if (affected >= manyAffectedThreshold)
        {
            level2.Add($"{Affected(affected)} (threshold {manyAffectedThreshold})");
        }

        if (report.Category == IncidentCategory.ServiceInterruption)
        {
            level2.AddRange(Matches(text, InterruptionWords).Select(w => $"a service interruption that mentions '{w}'"));
        }

        if (level2.Count > 0)
        {
            return new GradeSuggestion(IncidentGrade.Level2, level2);
        }

        return new GradeSuggestion(IncidentGrade.Level3, [$"{Affected(affected)}, no casualties or major loss reported"]);
    }

    private static string Affected(int count) => count == 1 ? "1 person affected" : $"{count} people affected";

    private static IEnumerable<string> Matches(string text, string[] words) =>
        words.Where(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
